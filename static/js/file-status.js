// The status page of a file a background job makes (templates/district/file_status.html): asks the
// server every second how far the job is, shows it, and offers the download once the file is ready
// (or the "重新生成" button when the job failed). No reload, no library.
(function () {
  "use strict";
  const card = document.getElementById("file-status");
  if (!card) return;
  const bar = card.querySelector(".progress");
  const fill = card.querySelector(".progress-bar");
  const message = document.getElementById("file-message");
  const error = document.getElementById("file-error");
  const download = document.getElementById("file-download");
  const retry = document.getElementById("file-retry");
  let failures = 0;

  function show(state) {
    message.textContent = state.message;
    const percent = state.total ? Math.round((100 * state.done) / state.total) : 0;
    fill.style.width = percent + "%";
    bar.setAttribute("aria-valuenow", state.done);
    bar.setAttribute("aria-valuemax", state.total);
    error.textContent = state.error;
    error.hidden = !state.error;
    retry.hidden = !state.can_retry;
    fill.classList.toggle("bg-danger", state.can_retry);
    fill.classList.toggle("progress-bar-animated", !state.can_retry);
    if (state.download_url) {
      bar.hidden = true;
      download.href = state.download_url;
      download.hidden = false;
    }
    return Boolean(state.download_url || state.status === "failed");
  }

  function poll() {
    fetch(card.dataset.statusUrl, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (response.status === 404) throw new Error("gone");
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (state) {
        failures = 0;
        if (!show(state)) window.setTimeout(poll, 1000);
      })
      .catch(function (problem) {
        if (problem.message === "gone") {
          message.textContent = "这个文件已被更新的版本取代，请返回工作台重新下载。";
          return;
        }
        failures += 1;
        if (failures > 30) {
          message.textContent = "暂时无法获取进度，请刷新页面。";
          return;
        }
        window.setTimeout(poll, 2000);
      });
  }

  if (download.hidden && card.querySelector("#file-retry").hidden) window.setTimeout(poll, 1000);
})();
