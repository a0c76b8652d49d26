// Copied text without the invisible WORD JOINERs and ZERO WIDTH SPACEs that keep Thai
// words and names whole at line ends (assessment/web/thai_lines.py): a name or a title
// pasted into Excel or a search box must be the text the reader sees.
(function () {
  "use strict";
  var INVISIBLE = /[\u2060\u200b]/g;  // for replace; test() below uses no /g (no lastIndex)
  document.addEventListener("copy", function (event) {
    var selection = document.getSelection();
    var text = selection ? selection.toString() : "";
    if (!event.clipboardData || !/[\u2060\u200b]/.test(text)) return;
    event.clipboardData.setData("text/plain", text.replace(INVISIBLE, ""));
    event.preventDefault();
  });
})();
