// Klimrek's few behaviours, in a file because the Content-Security-Policy allows no inline script or event handler.
// Every page works without it; it only adds conveniences.
(function () {
    'use strict';

    // <output for="x">: shows the current value of the range input x while it moves.
    function followRanges() {
        document.querySelectorAll('output[for]').forEach(function (output) {
            var input = document.getElementById(output.htmlFor.value);
            if (!input) return;
            input.addEventListener('input', function () { output.value = input.value; });
        });
    }

    // <button data-check="all|none" data-check-name="skills">: ticks or clears every enabled checkbox of that name.
    function checkButtons() {
        document.querySelectorAll('button[data-check]').forEach(function (button) {
            button.addEventListener('click', function () {
                var on = button.dataset.check === 'all';
                document.querySelectorAll('input[type=checkbox][name="' + button.dataset.checkName + '"]:not(:disabled)')
                    .forEach(function (box) { box.checked = on; });
            });
        });
    }

    // <button data-print>: opens the browser's print dialogue.
    function printButtons() {
        document.querySelectorAll('button[data-print]').forEach(function (button) {
            button.addEventListener('click', function () { window.print(); });
        });
    }

    function start() {
        followRanges();
        checkButtons();
        printButtons();
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
})();
