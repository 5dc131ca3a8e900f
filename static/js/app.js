// On every page (templates/base.html). A button with data-confirm="确定删除…？" asks first and is not
// pressed when the answer is no: the inline onclick="return confirm(…)" this replaces is refused by the
// Content-Security-Policy (no inline script).
document.addEventListener("click", function (event) {
  "use strict";
  const button = event.target.closest("button[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});

// Downloads that take a while (a PDF, the ZIP, the combined volume): a note with the seconds elapsed
// until the file starts to arrive. Mark a link with data-busy="正在生成…"; reports/downloads.py answers.
// A form marked data-busy shows the note too, until the next page.
(function () {
  "use strict";
  let note = null;

  function showNote(text) {
    if (!note) {
      note = document.createElement("div");
      note.className = "busy-note shadow";
      note.setAttribute("role", "status");
      note.setAttribute("aria-live", "polite");
      document.body.appendChild(note);
    }
    note.innerHTML = '<span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>';
    note.appendChild(document.createTextNode(text));
    note.hidden = false;
  }

  function cookieSet(name) {
    return document.cookie.split("; ").some((pair) => pair.startsWith(name + "="));
  }

  // A form that takes a while to answer (an approval renders the PDF it freezes): marked
  // data-busy="正在…", it says so once sent and is sent once: its buttons are disabled, so a second,
  // impatient click is not a second request answered with "不能…" after the first has done it.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (event.defaultPrevented || !form.matches("form[data-busy]")) return;
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = "1";
    // After this event: the button pressed is still sent with the form.
    window.setTimeout(function () {
      form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
    }, 0);
    showNote(form.dataset.busy);
  });
  // Back to the page from the browser's cache: the form can be sent again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-busy][data-sent]").forEach(function (form) {
      delete form.dataset.sent;
      form.querySelectorAll("button").forEach(function (button) { button.disabled = false; });
    });
    if (note) note.hidden = true;
  });

  document.addEventListener("click", function (event) {
    const link = event.target.closest("a[data-busy]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) return;
    const token = Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
    const url = new URL(link.href, window.location.href);
    url.searchParams.set("download_token", token);
    link.href = url.toString();
    const started = Date.now();
    const cookie = "download_" + token;
    showNote(link.dataset.busy);
    const timer = window.setInterval(function () {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (cookieSet(cookie)) {
        document.cookie = cookie + "=; Max-Age=0; path=/";
        window.clearInterval(timer);
        showNote("已开始下载。");
        window.setTimeout(() => { note.hidden = true; }, 2500);
      } else if (seconds > 300) {
        window.clearInterval(timer);
        showNote("下载时间过长，请稍后重试。");
      } else if (seconds >= 1) {
        showNote(link.dataset.busy + "（已用" + seconds + "秒）");
      }
    }, 500);
  });
})();
