// Year-on-year change computed as the value is typed. The server computes the same when it renders;
// this only saves the user a round trip. Typed forms "1,705" and "1万" are read as the server reads them.
(function () {
  "use strict";
  function readNumber(text) {
    const match = /^\s*([0-9][0-9,，]*(?:\.[0-9]+)?)\s*(万|千)?\s*%?\s*$/.exec(text || "");
    if (!match) return null;
    const number = parseFloat(match[1].replace(/[,，]/g, ""));
    return match[2] === "万" ? number * 10000 : match[2] === "千" ? number * 1000 : number;
  }
  function format(number) {
    return String(Math.round(number * 100) / 100);
  }
  document.querySelectorAll("input[data-last]").forEach(function (input) {
    const cell = input.closest("tr").querySelector(".yoy");
    input.addEventListener("input", function () {
      const last = readNumber(input.dataset.last);
      const now = readNumber(input.value);
      if (last === null || now === null) {
        cell.textContent = "—";
        return;
      }
      const difference = now - last;
      const direction = difference > 0 ? "增加" : difference < 0 ? "减少" : "持平";
      let text = direction;
      if (difference && input.dataset.unit === "%") {
        text += format(Math.abs(difference)) + "个百分点"; // a rate changes by points, as the server says
      } else if (difference) {
        text += format(Math.abs(difference)) + input.dataset.unit;
        const percent = Math.round((difference * 1000) / last) / 10; // to 0.1, written as the server writes it
        if (last !== 0) text += "（" + (difference > 0 ? "+" : "") + String(percent) + "%）";
      }
      cell.textContent = text;
    });
  });

  // "填入" beside an empty row: the figure the report's text states for it, typed in as if by hand, so the
  // change, the save state and the autosave follow as they do for typing.
  document.querySelectorAll("button.fill-from-text").forEach(function (button) {
    const row = button.closest("tr");
    const input = row.querySelector("input[data-last]");
    const qualifier = row.querySelector("select");
    button.addEventListener("click", function () {
      input.value = button.dataset.value;
      if (qualifier) {
        qualifier.value = button.dataset.qualifier;
        qualifier.dispatchEvent(new Event("change", { bubbles: true }));
      }
      input.dispatchEvent(new Event("input", { bubbles: true }));
      button.closest(".from-text").hidden = true;
      input.focus();
    });
    button.hidden = false;
  });
  // …and all of them at once, when the text gives more than one.
  const fillAll = document.getElementById("fill-all-from-text");
  const offers = document.querySelectorAll("button.fill-from-text");
  if (fillAll && offers.length > 1) {
    fillAll.textContent = "全部填入正文中的数（" + offers.length + "项）";
    fillAll.hidden = false;
    fillAll.addEventListener("click", function () {
      document.querySelectorAll("button.fill-from-text").forEach(function (button) {
        if (!button.closest(".from-text").hidden) button.click();
      });
      fillAll.hidden = true;
    });
  }
})();
