// Enhancement only: the search page works as plain links and GET forms without this script.
// With it, changing the sort or the view submits the form at once, and facet links, chips and
// pages load the results region in place (the URL still changes, so back and bookmarks work).
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  form.querySelectorAll("[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
  });

  function load(url, push) {
    var results = document.getElementById("results");
    if (!results || !window.fetch) { window.location.href = url; return; }
    results.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Fragment": "results" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        results.outerHTML = html;
        if (push) history.pushState({ fragment: true }, "", url);
        syncForm(url);
        var heading = document.getElementById("results-heading");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: false }); }
      })
      .catch(function () { window.location.href = url; });
  }

  // The form carries the active filters as hidden fields: keep them in step with the URL.
  function syncForm(url) {
    form.querySelectorAll("input[type=hidden]").forEach(function (el) { el.remove(); });
    new URL(url, window.location.href).searchParams.forEach(function (value, key) {
      if (["q", "sort", "view", "page"].indexOf(key) >= 0 || value === "") return;
      var input = document.createElement("input");
      input.type = "hidden"; input.name = key; input.value = value;
      form.appendChild(input);
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("#results a[href^='?'], #results .facets a, #results .pagination a, #results .chip");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    var url = new URL(link.getAttribute("href"), window.location.href);
    if (url.pathname !== window.location.pathname) return;
    event.preventDefault();
    load(url.href, true);
  });
  window.addEventListener("popstate", function () { load(window.location.href, false); });
})();
