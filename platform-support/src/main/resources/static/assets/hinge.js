// Hinge: what every page does in script (none of it inline: the Content-Security-Policy forbids that).
(function () {
    "use strict";
    // An answer htmx would drop (a 4xx/5xx without HX-Redirect) is shown where the request came from, not lost:
    // a page route that refuses a form answers 422 with the form and its field errors, which htmx then swaps in.
    document.addEventListener("htmx:beforeSwap", function (event) {
        if (event.detail.xhr.status === 422 || event.detail.xhr.status === 400) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });
    // A field named in an error is marked invalid for assistive technology.
    function markInvalid(root) {
        root.querySelectorAll(".field-error[id^='error-']").forEach(function (error) {
            var field = error.id.substring("error-".length);
            var input = root.querySelector("[aria-describedby~='" + CSS.escape(error.id) + "']")
                || document.getElementById(field);
            if (input) {
                input.setAttribute("aria-invalid", "true");
            }
        });
    }
    document.addEventListener("DOMContentLoaded", function () { markInvalid(document); });
    document.addEventListener("htmx:afterSettle", function (event) { markInvalid(event.detail.elt); });
})();
