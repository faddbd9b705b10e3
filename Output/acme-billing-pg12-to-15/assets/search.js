// Offline search over the index that search-index.js assigns to window.PREFLIGHT_SEARCH.
// Plain script, no network: it works from file:// and under the page's Content-Security-Policy.
(function () {
  "use strict";
  var entries = window.PREFLIGHT_SEARCH || [];
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var form = document.getElementById("search-form");
  if (!input || !list) { return; }
  if (form) { form.addEventListener("submit", function (event) { event.preventDefault(); }); }

  function matches(entry, terms) {
    var text = (entry.t + " " + entry.s + " " + entry.d).toLowerCase();
    return terms.every(function (term) { return text.indexOf(term) !== -1; });
  }

  function show() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (terms.length === 0) { return; }
    var found = entries.filter(function (entry) { return matches(entry, terms); }).slice(0, 25);
    if (found.length === 0) {
      var none = document.createElement("li");
      none.textContent = "No match.";
      list.appendChild(none);
      return;
    }
    found.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.u;
      link.textContent = entry.t;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = " — " + entry.d;
      item.appendChild(link);
      item.appendChild(where);
      list.appendChild(item);
    });
  }

  input.addEventListener("input", show);
  if (window.location.hash.indexOf("#q=") === 0) {
    input.value = decodeURIComponent(window.location.hash.slice(3));
    show();
  }
})();
