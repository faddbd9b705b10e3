extension LiveReload {
    /// Reloads the page after a build; shows errors over it (text only, never markup) after a failed one.
    static let script = """
    (function () {
      "use strict";
      var overlay = null;
      var source = new EventSource("/__preflight/events");
      source.addEventListener("reload", function () { window.location.reload(); });
      source.addEventListener("build-error", function (event) {
        if (!event.data) { return; }
        if (!overlay) {
          overlay = document.createElement("pre");
          overlay.id = "preflight-build-error";
          overlay.setAttribute("role", "alert");
          var style = overlay.style;
          style.position = "fixed"; style.inset = "0"; style.margin = "0"; style.padding = "1.5rem";
          style.background = "rgba(40, 0, 0, 0.92)"; style.color = "#fff"; style.zIndex = "2147483647";
          style.overflow = "auto"; style.whiteSpace = "pre-wrap"; style.font = "14px ui-monospace, monospace";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "Build failed — the page shows the last good build.\\n\\n" + event.data;
      });
    })();

    """
}
