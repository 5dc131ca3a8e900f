// Forms that edit a report (the editor, the indicator sheet): save state always visible, autosave while
// typing, a warning before leaving with unsaved text, Ctrl+S to save. Without JavaScript the forms still
// work: every button submits them. Markup: form[data-autosave-url], #save-state, #save-button and the
// hidden version input marked data-version.
(function () {
  "use strict";
  const form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  const state = document.getElementById("save-state");
  const version = form.querySelector("input[data-version]");
  const AUTOSAVE_MS = 15000;
  // A page shown back with errors or a conflict holds unsaved text from the start (data-state="dirty").
  let changes = state.dataset.state === "dirty" ? 1 : 0; // bumped on every edit
  let savedChanges = 0;   // the value of `changes` that the server has
  let submitting = false;
  let stopped = false;    // after a conflict, autosave stops until the user saves by hand

  function show(kind, text) {
    state.dataset.state = kind;
    state.textContent = text;
  }
  const dirty = () => changes !== savedChanges;

  form.addEventListener("input", () => {
    changes += 1;
    if (!stopped) show("dirty", "有未保存的修改");
  });

  form.addEventListener("submit", () => {
    submitting = true;
    show("saving", "正在保存…");
  });

  window.addEventListener("beforeunload", (event) => {
    if (dirty() && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      document.getElementById("save-button").click();
    }
  });

  async function autosave() {
    if (stopped || submitting || !dirty()) return;
    const sending = changes;
    show("saving", "正在自动保存…");
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Autosave": "1" },
        credentials: "same-origin",
      });
      const result = await response.json();
      if (response.ok) {
        version.value = result.version;
        savedChanges = sending;
        show(dirty() ? "dirty" : "saved", dirty() ? "有未保存的修改" : "已自动保存（" + result.saved_at + "）");
      } else if (response.status === 409) {
        stopped = true;
        show("conflict", result.message + " 请点击“保存”查看对方的修改并合并。");
      } else {
        show("error", "未能自动保存：" + result.message);
      }
    } catch (error) {
      show("error", "未能自动保存（网络中断？）内容仍在本页，请稍后点击“保存”。");
    }
  }
  window.setInterval(autosave, AUTOSAVE_MS);
  // Tests and impatient users can ask for it now.
  form.addEventListener("autosave-now", autosave);
})();
