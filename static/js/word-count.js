// The editor's 字数, live: per section and for the whole report (preamble and every section), counted the
// way reports/common/text.py word_count counts (Word's 字数, roughly): each Han character and full-width
// punctuation mark is one, each run of Latin letters or digits one word. Red over the district's limit.
(function () {
  "use strict";
  var form = document.getElementById("editor-form");
  if (!form) return;
  var UNITS = new RegExp(
    "[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40" +
      "\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014]" +
      "|[A-Za-z0-9\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]+(?:[.%][A-Za-z0-9\\uff10-\\uff19]+)*%?",
    "g"
  );
  var COUNTED = "input[name$='-heading'], textarea[name$='-body']";

  function count(text) {
    var found = text.match(UNITS);
    return found ? found.length : 0;
  }

  function show(display, words) {
    if (!display) return;
    display.querySelector(".word-count-number").textContent = String(words);
    var limit = parseInt(display.getAttribute("data-word-limit") || "0", 10);
    if (!limit) return;
    var over = words > limit;
    display.classList.toggle("word-over", over);
    // "（上限800字，已超出）": the words say it too, not only the colour.
    display.querySelector(".word-count-limit").textContent = "（上限" + limit + "字" + (over ? "，已超出" : "") + "）";
  }

  function update() {
    var total = 0;
    var preamble = form.querySelector("textarea[name='report-preamble']");
    if (preamble) total += count(preamble.value);
    form.querySelectorAll(".editor-section").forEach(function (section) {
      var words = 0;
      section.querySelectorAll(COUNTED).forEach(function (field) {
        words += count(field.value);
      });
      total += words;
      show(section.querySelector("[data-word-count]"), words);
    });
    show(document.getElementById("word-total"), total);
  }

  var pending = null;
  form.addEventListener("input", function () {
    // Counting a long report on every key is wasted work: once the typing pauses is enough.
    if (pending) window.clearTimeout(pending);
    pending = window.setTimeout(update, 150);
  });
  update();
})();
