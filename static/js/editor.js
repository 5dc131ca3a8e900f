// The editor's structure buttons done in place: add, move and delete an item or a section, 撤销删除, and an
// item's style, level or 接上一段 (its numbering follows). The form is sent as a save with the button
// (autosave.js: form.saving.send); the server answers with the sections that changed, rendered again, and
// the order and numbers of all of them. The page swaps those sections in, keeps the focus where the person
// was, and carries over any text typed while the answer was on its way. When the server cannot save (a
// field to correct, someone else's newer save) the form is submitted the ordinary way and the page shows
// why. Without JavaScript the buttons submit the form and the page loads again.
(function () {
  "use strict";
  const form = document.getElementById("editor-form");
  const list = document.getElementById("editor-sections");
  if (!form || !list || !form.saving) return;
  const IN_PLACE = /^(add-section|add-item|move-section|delete-section|move-item|delete-item|undo-delete)(:|$)/;
  const OPTIONS = "[name$='-style'], [name$='-level'], [name$='-joins_previous']";
  const notice = document.getElementById("editor-notice");
  let pressing = null;     // the button being answered: a second click is not a second action
  let passThrough = null;  // the button to submit the ordinary way (the server could not save in place)

  // On the document, in the capture phase: before autosave.js's submit listener on the form.
  document.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (event.target !== form || !button || button.name !== "op" || !IN_PLACE.test(button.value)) return;
    if (button === passThrough) {
      passThrough = null;
      return;
    }
    event.preventDefault();
    if (!pressing) press(button, [["op", button.value]]);
  }, true);

  form.addEventListener("change", (event) => {
    const field = event.target;
    const section = field.closest(".editor-section");
    if (!field.matches(OPTIONS) || !field.closest(".editor-item") || !section) return;
    press(null, [["show", section.id.replace("section-", "")]]);
  });

  async function press(button, fields) {
    pressing = button;
    form.setAttribute("aria-busy", "true");
    try {
      const answer = await form.saving.send(fields, apply);
      if (answer && (answer.status === 400 || answer.status === 409)) {
        // Show what to correct, or both texts to merge, as the page without JavaScript does.
        passThrough = button;
        form.requestSubmit(button || document.getElementById("save-button"));
      }
    } finally {
      pressing = null;
      form.removeAttribute("aria-busy");
    }
  }

  function apply(result, sent) {
    const active = document.activeElement;
    const was = active && active !== document.body ? active : null;
    const wasIn = was ? Array.from(list.children).indexOf(was.closest(".editor-section")) : -1;
    for (const [pk, html] of Object.entries(result.sections)) {
      const fresh = parse(html);
      const old = document.getElementById("section-" + pk);
      if (old) {
        carryOver(old, fresh, sent);
        old.replaceWith(fresh);
      } else {
        list.appendChild(fresh);
      }
    }
    const order = result.order.map(String);
    for (const section of Array.from(list.children)) {
      if (!order.includes(section.id.replace("section-", ""))) section.remove();
    }
    order.forEach((pk, index) => {
      const section = document.getElementById("section-" + pk);
      if (list.children[index] !== section) list.insertBefore(section, list.children[index]);
      section.querySelector(".section-label").textContent = result.labels[pk];
    });
    document.getElementById("editor-undo").innerHTML = result.undo;
    notice.textContent = result.notice;
    notice.className = "w-100 small " + (result.notice_level === "error" ? "text-danger" : "text-body-secondary");
    focusAfter(result, was, wasIn);
  }

  function parse(html) {
    const holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }

  // A field of `old` typed in after the form was sent keeps what was typed, not the saved value.
  function carryOver(old, fresh, sent) {
    for (const field of old.querySelectorAll("input[name], textarea[name], select[name]")) {
      const twin = fresh.querySelector("[name='" + field.name + "']");
      if (!twin) continue;
      if (field.type === "checkbox") {
        if (field.checked !== sent.has(field.name)) twin.checked = field.checked;
      } else if (field.value !== sent.get(field.name)) {
        twin.value = field.value;
      }
    }
  }

  // The new field to type in; else where the person was (the same field or button, or its twin when it
  // is now disabled); else 撤销删除, or the section now in the place of the one deleted.
  function focusAfter(result, was, wasIn) {
    let target = result.focus ? document.getElementById(result.focus) : null;
    if (!target && was && !was.isConnected) {
      target = was.id ? document.getElementById(was.id)
        : was.name === "op" ? form.querySelector("button[name=op][value='" + was.value + "']") : null;
      if (target && target.disabled) target = target.parentElement.querySelector("button:not([disabled])");
      if (!target) target = document.querySelector("#editor-undo button");
      const near = list.children[Math.min(wasIn, list.children.length - 1)];
      if (!target && wasIn >= 0 && near) target = near.querySelector("input, textarea");
    }
    if (target) target.focus();
  }
})();
