/* Click-to-load videos: nothing is requested from the video host before the reader asks. */
(function () {
    "use strict";
    document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
        var button = figure.querySelector("[data-video-load]");
        if (!button) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            var frame = document.createElement("div");
            frame.className = "block-video__frame";
            var iframe = document.createElement("iframe");
            iframe.src = figure.dataset.embedSrc;
            iframe.title = figure.dataset.embedTitle;
            iframe.allow = "fullscreen; picture-in-picture";
            iframe.setAttribute("sandbox", "allow-same-origin allow-scripts allow-popups");
            frame.appendChild(iframe);
            figure.querySelector(".block-video__placeholder").replaceWith(frame);
            iframe.focus();
        });
    });
})();
