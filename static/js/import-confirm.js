// The import confirmation page (templates/reports/import_confirm.html): "采用推测" beside an unmatched
// figure selects the guessed indicator in the figure's list, one click instead of a search through it.
// Without script the button stays hidden and the list names the guess first, marked 推测.
(function () {
  "use strict";
  document.querySelectorAll("button.import-adopt-guess").forEach(function (button) {
    const select = document.getElementById(button.dataset.select);
    if (!select) return;

    function show() {
      const adopted = select.value === button.dataset.value;
      button.disabled = adopted;
      button.textContent = adopted ? "已采用" : "采用推测";
    }

    button.addEventListener("click", function () {
      select.value = button.dataset.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    select.addEventListener("change", show);
    show();
    button.hidden = false;
  });
})();
