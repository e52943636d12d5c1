// The share page without this file: the text is selectable in its box and the links download.
// With it: a copy button, and the phone's own share sheet where the browser has one.
(function () {
  var text = document.getElementById('share-text');
  var copy = document.getElementById('share-copy');
  var native = document.getElementById('share-native');
  var status = document.getElementById('share-status');
  if (!text || !copy) {
    return;
  }
  function copied() {
    status.textContent = copy.getAttribute('data-copied');
  }
  copy.hidden = false;
  function selectAndCopy() {
    text.focus();
    text.select();
    try {
      if (document.execCommand('copy')) {
        copied();
      }
    } catch (e) {
      // The text stays selected for the visitor to copy.
    }
  }
  copy.addEventListener('click', function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.value).then(copied, selectAndCopy);
    } else {
      selectAndCopy();
    }
  });
  if (native && navigator.share) {
    native.hidden = false;
    native.addEventListener('click', function () {
      navigator.share({title: native.getAttribute('data-title'), text: text.value, url: native.getAttribute('data-url')})
        .catch(function () {});
    });
  }
})();
