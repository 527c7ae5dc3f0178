// The athlete's pages: behaviour beyond the shared /assets/hinge.js (no inline scripts: see the Content-Security-Policy).
(function () {
    "use strict";
    // The set form's upload progress: htmx reports the request's progress on the form that sent it.
    document.addEventListener("htmx:xhr:progress", function (event) {
        var form = event.target && event.target.closest ? event.target.closest("form") : null;
        var bar = form ? form.querySelector("progress.upload-progress") : null;
        var file = form ? form.querySelector("input[type=file]") : null;
        if (!bar || !file || file.files.length === 0 || !event.detail.lengthComputable || !event.detail.total) {
            return;
        }
        bar.hidden = false;
        bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
    });
    // Times are stored in UTC; show them in the phone's own time zone.
    function localTimes(root) {
        root.querySelectorAll("time[datetime]").forEach(function (time) {
            var at = new Date(time.getAttribute("datetime"));
            if (!isNaN(at.getTime()) && time.getAttribute("datetime").length > 10 && !time.dataset.local) {
                time.textContent = at.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
                time.dataset.local = "true";
            }
        });
    }
    document.addEventListener("DOMContentLoaded", function () { localTimes(document); });
    document.addEventListener("htmx:afterSettle", function (event) { localTimes(event.detail.elt); });
    document.addEventListener("htmx:sseMessage", function () { localTimes(document); });
})();
