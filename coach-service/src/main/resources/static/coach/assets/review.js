// The coach's review page: slow motion, frame stepping, the clock to the millisecond, "mark fault here", and the
// fault markers on the seek bar. Loaded as a file (CSP script-src 'self'); it does nothing on a page without a player.
(function () {
    'use strict';

    function init() {
        var video = document.getElementById('review-video');
        if (!video || video.dataset.reviewReady) {
            return;
        }
        video.dataset.reviewReady = 'true';
        var fps = parseFloat(video.dataset.fps) || 30;
        var seek = document.getElementById('seek');
        var clock = document.getElementById('current-time');
        var duration = document.getElementById('duration');
        var markers = document.getElementById('markers');
        var playPause = document.getElementById('play-pause');

        function seconds(value) {
            return (Math.round(value * 1000) / 1000).toFixed(3);
        }

        function knownDuration() {
            return isFinite(video.duration) && video.duration > 0 ? video.duration : 0;
        }

        function showTime() {
            clock.textContent = seconds(video.currentTime);
            if (seek && document.activeElement !== seek) {
                seek.value = String(video.currentTime);
            }
        }

        function showDuration() {
            var d = knownDuration();
            duration.textContent = seconds(d);
            if (seek) {
                seek.max = String(d);
            }
            placeMarkers();
            showTime();
        }

        // Each marker sits at its moment's share of the video, through a CSS custom property (no style attribute).
        function placeMarkers() {
            var d = knownDuration();
            if (!markers) {
                return;
            }
            markers.querySelectorAll('.marker').forEach(function (marker) {
                var at = parseFloat(marker.dataset.at);
                var share = d > 0 ? Math.min(Math.max(at / d, 0), 1) * 100 : 0;
                marker.style.setProperty('--at', share + '%');
                marker.hidden = d <= 0 || isNaN(at);
            });
        }

        function jumpTo(at) {
            video.pause();
            video.currentTime = Math.min(at, knownDuration() || at);
            showTime();
        }

        function step(frames) {
            video.pause();
            var next = video.currentTime + frames / fps;
            video.currentTime = Math.min(Math.max(next, 0), knownDuration() || next);
            showTime();
        }

        function setRate(rate) {
            video.playbackRate = rate;
            document.querySelectorAll('.speed').forEach(function (button) {
                button.setAttribute('aria-pressed', String(parseFloat(button.dataset.rate) === rate));
            });
        }

        function showPlaying() {
            playPause.textContent = video.paused ? 'Play' : 'Pause';
        }

        video.addEventListener('loadedmetadata', showDuration);
        video.addEventListener('durationchange', showDuration);
        video.addEventListener('timeupdate', showTime);
        video.addEventListener('seeked', showTime);
        video.addEventListener('play', showPlaying);
        video.addEventListener('pause', showPlaying);
        video.addEventListener('ended', showPlaying);
        if (video.readyState >= 1) {
            showDuration();
        }

        playPause.addEventListener('click', function () {
            if (video.paused) {
                video.play();
            } else {
                video.pause();
            }
        });
        document.querySelectorAll('.speed').forEach(function (button) {
            button.addEventListener('click', function () {
                setRate(parseFloat(button.dataset.rate));
            });
        });
        document.getElementById('step-back').addEventListener('click', function () {
            step(-1);
        });
        document.getElementById('step-forward').addEventListener('click', function () {
            step(1);
        });
        if (seek) {
            seek.addEventListener('input', function () {
                video.currentTime = parseFloat(seek.value) || 0;
                clock.textContent = seconds(video.currentTime);
            });
        }

        // "Mark fault here": the fault form's second is the player's, to the millisecond.
        document.getElementById('mark-fault').addEventListener('click', function () {
            video.pause();
            var at = document.getElementById('atSecond');
            if (at) {
                at.value = seconds(video.currentTime);
                var fault = document.getElementById('fault');
                (fault && !fault.value ? fault : at).focus();
            }
        });

        // Markers and the list's times jump to their moment (the form and the list are swapped in by htmx: delegate).
        document.addEventListener('click', function (event) {
            var target = event.target instanceof Element ? event.target.closest('.marker, .jump') : null;
            if (target && target.dataset.at !== undefined) {
                jumpTo(parseFloat(target.dataset.at));
            }
        });

        // , and . step a frame, except while typing in a field.
        document.addEventListener('keydown', function (event) {
            if (event.ctrlKey || event.metaKey || event.altKey) {
                return;
            }
            var target = event.target instanceof Element ? event.target : null;
            var typing = target && target.closest('input, textarea, select, [contenteditable], [contenteditable="true"]');
            if (typing && target !== seek) {
                return;
            }
            if (event.key === ',') {
                event.preventDefault();
                step(-1);
            } else if (event.key === '.') {
                event.preventDefault();
                step(1);
            }
        });

        // A fault marked through htmx adds its marker: place it.
        if (markers && window.MutationObserver) {
            new MutationObserver(placeMarkers).observe(markers, {childList: true});
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
