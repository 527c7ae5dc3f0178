// The coach's pages: small behaviours htmx does not cover. No inline scripts (the pages' CSP allows 'self' only).
(function () {
    'use strict';

    // Copy buttons: <button data-copy="input-id"> copies that input's value and says so in #invite-copied.
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy]');
        if (!button) {
            return;
        }
        var input = document.getElementById(button.getAttribute('data-copy'));
        if (!input) {
            return;
        }
        var said = document.getElementById(button.getAttribute('aria-describedby'));
        var done = function () {
            if (said) {
                said.textContent = 'Copied: ' + input.value;
            }
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(input.value).then(done, function () {
                input.select();
            });
        } else {
            input.select();
            try {
                document.execCommand('copy');
                done();
            } catch (e) {
                // the text stays selected for the person to copy
            }
        }
    });

    // A read-only code or link is selected whole when it gets focus, ready to copy.
    document.addEventListener('focusin', function (event) {
        if (event.target.matches && event.target.matches('[data-select-on-focus]')) {
            event.target.select();
        }
    });

    // A preview stands for the values it was made from: changing the deload form takes it away, so the confirm
    // button only ever prescribes what was previewed.
    document.addEventListener('input', function (event) {
        var form = event.target.closest && event.target.closest('form[data-clears]');
        if (!form) {
            return;
        }
        var preview = document.getElementById(form.getAttribute('data-clears'));
        if (preview) {
            preview.remove();
        }
    });

    // The live timeline: an item the page already shows (recorded while the page was read) is not added twice,
    // and the "nothing recorded yet" line goes once something is.
    document.addEventListener('htmx:sseBeforeMessage', function (event) {
        var detail = event.detail || {};
        if (detail.type !== 'item' || typeof detail.data !== 'string') {
            return;
        }
        var id = /id="(item-[^"]+)"/.exec(detail.data);
        if (id && document.getElementById(id[1])) {
            event.preventDefault();
            return;
        }
        var empty = document.querySelector('#timeline > li.empty');
        if (empty) {
            empty.remove();
        }
    });
})();
