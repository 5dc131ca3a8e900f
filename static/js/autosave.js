// Forms that edit a report (the editor, the indicator sheet): save state always visible, autosave while
// typing, a warning before leaving with unsaved text, Ctrl+S to save. Without JavaScript the forms still
// work: every button submits them. Markup: form[data-autosave-url], #save-state, #save-button and the
// hidden version input marked data-version.
//
// The session: the server ends a session idle for SESSION_IDLE_MINUTES (every request renews it). A few
// minutes before, #session-warning (templates/accounts/_session_warning.html) says so, with a 「继续编辑」
// button that pings the keep-alive URL. If the session has ended anyway (an autosave answered by the login
// page), the unsaved fields are kept in this browser's localStorage under the form's autosave URL; after
// logging in again the page puts them back and saves them (a newer save by someone else meanwhile gets the
// usual conflict page, as the stored version is kept too).
//
// The editor's buttons pressed in place (static/js/editor.js) save through form.saving.send(), here: one
// request at a time with autosave (both send the version they hold; a second sent before the first is
// answered would be refused as a conflict), and the same save state, version and session handling.
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
  let restoring = false;  // fields put back from localStorage, not yet saved

  function show(kind, text) {
    state.dataset.state = kind;
    state.textContent = text;
  }
  const dirty = () => changes !== savedChanges;

  form.addEventListener("input", () => {
    changes += 1;
    if (!stopped) show("dirty", "有未保存的修改");
  });

  form.addEventListener("submit", (event) => {
    if (event.defaultPrevented) return;  // sent in place by editor.js
    if (session.mayHaveEnded()) session.keep();  // the login page comes next: keep the text for after it
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

  // One request at a time, in the order asked.
  let queue = Promise.resolve();
  function serial(task) {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  function autosave() {
    return serial(autosaveNow);
  }

  async function autosaveNow() {
    if (stopped || submitting || !dirty()) return;
    const sending = changes;
    show("saving", "正在自动保存…");
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body: encoded(new FormData(form)),
        headers: { "X-Autosave": "1" },
        credentials: "same-origin",
      });
      if (session.lost(response)) {
        session.expire();
        return;
      }
      session.contact();
      const result = await jsonOf(response);
      if (response.ok) {
        version.value = result.version;
        savedChanges = sending;
        showWarnings(result.warnings);
        if (restoring) {
          restoring = false;
          session.forget();
        }
        show(dirty() ? "dirty" : "saved", dirty() ? "有未保存的修改" : "已自动保存（" + result.saved_at + "）");
      } else if (response.status === 409) {
        session.forget();  // the text is on the page, beside the newer one, for the user to merge
        stopped = true;
        show("conflict", result.message + " 请点击“保存”查看较新保存的内容并合并。");
      } else {
        show("error", "未能自动保存：" + result.message);
      }
    } catch (error) {
      show("error", "未能自动保存（网络中断？）内容仍在本页，请稍后点击“保存”。");
    }
  }
  // Where the text and the sheet disagree, as the save's answer says now: a corrected figure's warning goes.
  function showWarnings(warnings) {
    const box = document.getElementById("consistency-warnings");
    if (!box || !Array.isArray(warnings)) return;
    const list = box.querySelector("ul");
    list.replaceChildren(...warnings.map((message) => {
      const item = document.createElement("li");
      item.textContent = message;
      return item;
    }));
    box.hidden = warnings.length === 0;
  }

  // URL-encoded as the form itself submits, not multipart: Django reads a long report's 1,200 fields so
  // several times faster (bench/editor_operations.py).
  function encoded(formData) {
    return new URLSearchParams(formData);
  }

  // An answer that is not the JSON asked for (a proxy's or the server's error page) says what happened.
  async function jsonOf(response) {
    try {
      return await response.json();
    } catch (error) {
      return { status: "error", message: "服务器未能处理（" + response.status + "），内容仍在本页。" };
    }
  }

  // A button of the editor sent in place (editor.js): the whole form as a save, plus `fields`; a saved
  // answer goes to onSaved(result, sent) before the next request leaves. Resolves to {status, result} once
  // answered, or null when nothing came back (the save state says why).
  function send(fields, onSaved) {
    return serial(async () => {
      if (stopped) return { status: 409, result: {} };  // after a conflict, only the page's own submit
      const sending = changes;
      const body = new FormData(form);
      for (const [name, value] of fields) body.append(name, value);
      show("saving", "正在保存…");
      let response;
      let result;
      try {
        response = await fetch(form.dataset.autosaveUrl, {
          method: "POST",
          body: encoded(body),
          headers: { "X-In-Place": "1" },
          credentials: "same-origin",
        });
        if (session.lost(response)) {
          session.expire();
          return null;
        }
        session.contact();
        result = await jsonOf(response);
      } catch (error) {
        show("error", "未能保存（网络中断？）内容仍在本页，请稍后再试。");
        return null;
      }
      if (response.ok) {
        version.value = result.version;
        savedChanges = sending;
        showWarnings(result.warnings);
        onSaved(result, body);
        show(dirty() ? "dirty" : "saved", dirty() ? "有未保存的修改" : "已保存（" + result.saved_at + "）");
      } else if (response.status !== 400 && response.status !== 409) {
        show("error", "未能保存：" + result.message);
      }
      return { status: response.status, result: result };
    });
  }
  form.saving = { send: send };

  // --- The session -----------------------------------------------------------------------------------
  const session = (function () {
    const warning = document.getElementById("session-warning");
    const storeKey = "fazhi-unsaved:" + form.dataset.autosaveUrl;
    const idleMs = warning ? Number(warning.dataset.idleSeconds) * 1000 : Infinity;
    const leadMs = warning ? Number(warning.dataset.warningSeconds) * 1000 : 0;
    let lastContact = Date.now();
    let ended = false;

    function say(text, loginLink) {
      document.getElementById("session-warning-text").textContent = text;
      document.getElementById("session-keep-alive").hidden = loginLink;
      const login = document.getElementById("session-login");
      login.hidden = !loginLink;
      login.href = warning.dataset.loginUrl + "?next=" + encodeURIComponent(window.location.pathname);
      warning.hidden = false;
    }

    const api = {
      contact() {
        lastContact = Date.now();
        if (warning && !ended) warning.hidden = true;
      },
      mayHaveEnded: () => ended || Date.now() - lastContact >= idleMs,
      lost(response) {
        // The server sends an ended session to the login page (an HTML page, not the JSON asked for).
        const loginUrl = warning ? warning.dataset.loginUrl : "/accounts/login/";
        return response.redirected && new URL(response.url).pathname === loginUrl;
      },
      keep() {
        const fields = [];
        for (const [name, value] of new FormData(form)) {
          if (name !== "csrfmiddlewaretoken" && typeof value === "string") fields.push([name, value]);
        }
        window.localStorage.setItem(storeKey, JSON.stringify({ kept_at: Date.now(), fields: fields }));
      },
      forget: () => window.localStorage.removeItem(storeKey),
      expire() {
        ended = true;
        stopped = true;
        if (dirty()) api.keep();
        show("error", "登录已过期，未能自动保存。");
        if (warning) {
          say(dirty()
            ? "登录已过期。未保存的内容已暂存在本浏览器中：重新登录后回到本页，会自动恢复并保存。"
            : "登录已过期，请重新登录。", true);
        }
      },
      check() {
        if (!warning || ended) return;
        const left = idleMs - (Date.now() - lastContact);
        if (left <= 0) {
          api.expire();
        } else if (left <= leadMs) {
          const minutes = Math.max(1, Math.ceil(left / 60000));
          say("长时间没有保存或操作，登录将在约" + minutes + "分钟后过期。要继续编辑，请点击「继续编辑」。", false);
        }
      },
      async keepAlive() {
        try {
          const response = await fetch(warning.dataset.keepAliveUrl, {
            method: "POST",
            headers: { "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value },
            credentials: "same-origin",
          });
          if (api.lost(response)) api.expire();
          else if (response.ok) api.contact();
        } catch (error) {
          say("网络中断，未能延续登录。内容仍在本页，请稍后再试。", false);
        }
      },
      restore() {
        const kept = window.localStorage.getItem(storeKey);
        if (!kept) return false;
        for (const [name, value] of JSON.parse(kept).fields) {
          const field = form.elements.namedItem(name);
          if (field && "value" in field && field.type !== "checkbox" && field.type !== "radio") field.value = value;
        }
        return true;
      },
    };
    if (warning) {
      document.getElementById("session-keep-alive").addEventListener("click", api.keepAlive);
    }
    return api;
  })();

  window.setInterval(autosave, AUTOSAVE_MS);
  window.setInterval(session.check, 10000);
  // Text kept when the session ended: back into the form, and saved now.
  if (session.restore()) {
    restoring = true;
    changes += 1;
    show("dirty", "已恢复登录过期前未保存的内容，正在保存…");
    autosave();
  }
  // Tests and impatient users can ask for it now.
  form.addEventListener("autosave-now", autosave);

  // A page shown back with fields to correct: the first of them in view (clear of the sticky bar) and
  // in focus. The message at the top says "见下方红色提示"; on a long report that may be far down.
  const invalid = form.querySelector(".is-invalid");
  if (changes && invalid) {
    invalid.scrollIntoView({ block: "center" });
    invalid.focus({ preventScroll: true });
  }
})();
