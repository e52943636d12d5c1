// The report form works without this file. With it, what a fan types is kept in this browser as a
// draft (per release and user) while they type: after a reload, a lost connection or a closed tab it
// comes back, and once the report is saved it is dropped. Nothing leaves the browser.
(function () {
  var form = document.getElementById('report-form');
  if (!form) {
    return;
  }
  var store;
  try {
    store = window.localStorage;
  } catch (e) {
    return;
  }
  if (!store) {
    return;
  }
  var key = 'popcorn.report-draft.' + form.getAttribute('data-draft');
  var notice = document.getElementById('draft-restored');

  function fields(each) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.type !== 'hidden' && el.type !== 'submit' && el.type !== 'button') {
        each(el);
      }
    });
  }

  function collect() {
    var draft = {};
    fields(function (el) {
      if (el.type === 'radio') {
        if (el.checked) {
          draft[el.name] = el.value;
        }
      } else if (el.type === 'checkbox') {
        draft[el.name + '=' + el.value] = el.checked;
      } else {
        draft[el.name] = el.value;
      }
    });
    return draft;
  }

  function apply(draft) {
    fields(function (el) {
      if (el.type === 'radio') {
        if (Object.prototype.hasOwnProperty.call(draft, el.name)) {
          el.checked = draft[el.name] === el.value;
        }
      } else if (el.type === 'checkbox') {
        var k = el.name + '=' + el.value;
        if (Object.prototype.hasOwnProperty.call(draft, k)) {
          el.checked = draft[k];
        }
      } else if (Object.prototype.hasOwnProperty.call(draft, el.name)) {
        el.value = draft[el.name];
      }
    });
  }

  if (document.getElementById('saved')) {
    // The report is saved: the draft has done its work.
    store.removeItem(key);
  } else if (form.getAttribute('data-server-draft') !== 'true') {
    var kept = store.getItem(key);
    if (kept) {
      try {
        var draft = JSON.parse(kept);
        if (JSON.stringify(draft) !== JSON.stringify(collect())) {
          apply(draft);
          if (notice) {
            notice.hidden = false;
          }
        }
      } catch (e) {
        store.removeItem(key);
      }
    }
  }

  function keep() {
    try {
      store.setItem(key, JSON.stringify(collect()));
    } catch (e) {
      // A full or private store: the form still works, only without a draft.
    }
  }
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);

  var discard = document.getElementById('draft-discard');
  if (discard) {
    discard.hidden = false;
    discard.addEventListener('click', function () {
      store.removeItem(key);
      window.location.reload();
    });
  }
})();
