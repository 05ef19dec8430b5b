/* global window, document, fetch, setTimeout, clearTimeout, setInterval */
/*
 * The public chat page's client: plain JavaScript, no framework. It talks to the app's Direct Line
 * endpoints with fetch and polling. Everything from the network is put on the page with textContent,
 * never as HTML, so nothing typed by anyone can become markup.
 */
;(function () {
  'use strict'

  var panel = document.getElementById('chat')
  if (!panel || !window.fetch) return

  var domain = panel.getAttribute('data-directline')
  // The page's own wording (from its message file, in the page's language), set on the panel by the server.
  var words = {
    you: panel.getAttribute('data-text-you'),
    bot: panel.getAttribute('data-text-bot'),
    errorPrefix: panel.getAttribute('data-text-error-prefix'),
    trouble: panel.getAttribute('data-text-trouble'),
    empty: panel.getAttribute('data-text-empty'),
    tooLong: panel.getAttribute('data-text-too-long'),
    notSent: panel.getAttribute('data-text-not-sent'),
    forgotten: panel.getAttribute('data-text-forgotten'),
    cannotConnect: panel.getAttribute('data-text-cannot-connect')
  }
  var log = document.getElementById('chat-messages')
  var choices = document.getElementById('chat-choices')
  var choiceList = document.getElementById('chat-choice-list')
  var statusLine = document.getElementById('chat-status')
  var form = document.getElementById('chat-form')
  var formGroup = document.getElementById('chat-form-group')
  var input = document.getElementById('chat-input')
  var inputError = document.getElementById('chat-input-error')
  var clearButton = document.getElementById('chat-clear')

  var storageKey = 'feedback-chat'
  var pollEveryMs = 3000
  var refreshEveryMs = 15 * 60 * 1000
  var maxMessageLength = 20000

  var conversation = null
  var watermark = '0'
  var shown = {}
  var pollTimer = null
  var reading = null
  var sending = false
  var offeredActions = null

  function remember(value) {
    try {
      if (value) window.localStorage.setItem(storageKey, JSON.stringify(value))
      else window.localStorage.removeItem(storageKey)
    } catch {
      // Private browsing can refuse storage: the chat still works, it just cannot resume later.
    }
  }

  function remembered() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || 'null')
      return saved && saved.token && saved.conversationId ? saved : null
    } catch {
      return null
    }
  }

  function setStatus(text) {
    statusLine.textContent = text || ''
  }

  function showError(text) {
    if (text) {
      inputError.textContent = ''
      var hidden = document.createElement('span')
      hidden.className = 'govuk-visually-hidden'
      hidden.textContent = words.errorPrefix
      inputError.appendChild(hidden)
      inputError.appendChild(document.createTextNode(text))
      inputError.hidden = false
      formGroup.classList.add('govuk-form-group--error')
      input.classList.add('govuk-textarea--error')
      input.setAttribute('aria-describedby', 'chat-input-hint chat-input-error')
    } else {
      inputError.hidden = true
      inputError.textContent = ''
      formGroup.classList.remove('govuk-form-group--error')
      input.classList.remove('govuk-textarea--error')
      input.setAttribute('aria-describedby', 'chat-input-hint')
    }
  }

  function request(method, path, body, token) {
    var headers = { Accept: 'application/json' }
    if (token) headers.Authorization = 'Bearer ' + token
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return fetch(domain + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {}
        })
        .then(function (data) {
          if (!response.ok) {
            var error = new Error(data.message || 'Request failed')
            error.status = response.status
            error.kindMessage = data.message
            throw error
          }
          return data
        })
    })
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  }

  function addMessage(activity) {
    if (activity.type !== 'message' || shown[activity.id]) return
    shown[activity.id] = true
    // Anything not from the person (the bot, or an update from an inspector) is shown as from the service.
    var fromBot = !(activity.from && activity.from.role === 'user')
    var item = document.createElement('li')
    item.className = 'app-chat__message ' + (fromBot ? 'app-chat__message--bot' : 'app-chat__message--user')
    var who = document.createElement('span')
    who.className = 'app-chat__sender'
    who.textContent = fromBot ? words.bot : words.you
    var text = document.createElement('span')
    text.className = 'app-chat__text'
    text.textContent = activity.text || ''
    text.setAttribute('dir', 'auto')
    item.appendChild(who)
    item.appendChild(document.createTextNode(' '))
    item.appendChild(text)
    log.appendChild(item)
    return item
  }

  function clearChoices() {
    choiceList.textContent = ''
    choices.hidden = true
  }

  function showChoices(actions) {
    clearChoices()
    offeredActions = actions
    if (!actions || !actions.length) return
    actions.forEach(function (action) {
      var item = document.createElement('li')
      var button = document.createElement('button')
      button.type = 'button'
      button.className = 'govuk-button govuk-button--secondary app-chat__choice'
      button.textContent = action.title || action.value
      button.addEventListener('click', function () {
        send(String(action.value == null ? action.title : action.value), false)
      })
      item.appendChild(button)
      choiceList.appendChild(item)
    })
    choices.hidden = false
  }

  function render(activities) {
    var last = null
    var latestActions = null
    activities.forEach(function (activity) {
      var item = addMessage(activity)
      if (item) last = item
      if (activity.type === 'message') {
        latestActions = !(activity.from && activity.from.role === 'user') && activity.suggestedActions ? activity.suggestedActions.actions : null
      }
    })
    if (last) {
      showChoices(latestActions)
      if (last.getBoundingClientRect().bottom > window.innerHeight) {
        last.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'nearest' })
      }
    }
  }

  function read() {
    if (!conversation) return Promise.resolve()
    if (reading) return reading
    reading = request('GET', '/conversations/' + encodeURIComponent(conversation.conversationId) + '/activities?watermark=' + encodeURIComponent(watermark), undefined, conversation.token)
      .then(function (page) {
        if (page.watermark) watermark = page.watermark
        render(page.activities || [])
        if (!sending) setStatus('')
      })
      .catch(function (error) {
        if (error.status === 403) return refresh()
        if (error.status === 404) return startNew()
        setStatus(words.trouble)
      })
      .then(function () {
        reading = null
      })
    return reading
  }

  function schedulePoll() {
    clearTimeout(pollTimer)
    pollTimer = setTimeout(function () {
      var next = document.hidden ? Promise.resolve() : read()
      next.then(schedulePoll, schedulePoll)
    }, pollEveryMs)
  }

  function adopt(ticket) {
    conversation = { conversationId: ticket.conversationId, token: ticket.token }
    remember(conversation)
  }

  /** A token that still works is refreshed; one that ran out (a returning visitor) resumes the conversation. */
  function refresh() {
    if (!conversation) return startNew()
    var token = conversation.token
    return request('POST', '/tokens/refresh', undefined, token)
      .catch(function () {
        return request('POST', '/conversations', undefined, token)
      })
      .then(adopt, function () {
        return startNew()
      })
  }

  function startNew() {
    remember(null)
    conversation = null
    watermark = '0'
    shown = {}
    log.textContent = ''
    clearChoices()
    // The page's language (its lang attribute), so the welcome comes in it.
    return request('POST', '/conversations', { locale: document.documentElement.lang || 'en' }).then(function (ticket) {
      adopt(ticket)
      return read()
    })
  }

  function resumeOrStart() {
    var saved = remembered()
    if (!saved) return startNew()
    conversation = saved
    return refresh().then(function () {
      if (conversation && watermark === '0') return read()
    })
  }

  function postMessage(text) {
    var path = '/conversations/' + encodeURIComponent(conversation.conversationId) + '/activities'
    var activity = { type: 'message', text: text, locale: document.documentElement.lang || 'en-GB' }
    return request('POST', path, activity, conversation.token).catch(function (error) {
      // A token that ran out while the page sat open is renewed, and the message sent once more.
      if (error.status !== 403) throw error
      return request('POST', '/conversations', undefined, conversation.token).then(function (ticket) {
        adopt(ticket)
        return request('POST', path, activity, conversation.token)
      })
    })
  }

  /** Sends typed words (fromInput) or a chosen suggested action; a choice leaves any typed words alone. */
  function send(text, fromInput) {
    if (sending || !conversation) return
    if (!text.replace(/\s/g, '')) {
      showError(words.empty)
      input.focus()
      return
    }
    if (text.length > maxMessageLength) {
      showError(words.tooLong)
      input.focus()
      return
    }
    showError('')
    sending = true
    setStatus('Sending…')
    var actionsOnOffer = offeredActions
    clearChoices()
    if (fromInput) input.value = ''
    input.focus()
    postMessage(text)
      .then(function () {
        sending = false
        return read()
      })
      .catch(function (error) {
        sending = false
        // Nothing is lost: typed words go back in the box to send again.
        if (fromInput && !input.value) input.value = text
        showChoices(actionsOnOffer)
        setStatus('')
        showError(error.kindMessage || words.notSent)
      })
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault()
    send(input.value, true)
  })

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      send(input.value, true)
    }
  })

  clearButton.addEventListener('click', function () {
    startNew().then(function () {
      setStatus(words.forgotten)
      input.focus()
    })
  })

  // "Exit this page" (its button, or Shift pressed three times) also forgets the chat in this browser, so the next
  // person to use it cannot read it. The GOV.UK component shows its overlay just before it leaves the page.
  function forgetOnExit() {
    remember(null)
  }
  document.addEventListener(
    'click',
    function (event) {
      if (event.target && event.target.closest && event.target.closest('.govuk-exit-this-page__button')) forgetOnExit()
    },
    true,
  )
  if (window.MutationObserver) {
    new window.MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, function (node) {
          if (node.classList && node.classList.contains('govuk-exit-this-page-overlay')) forgetOnExit()
        })
      })
    }).observe(document.body, { childList: true })
  }

  panel.hidden = false
  setStatus('Connecting…')
  resumeOrStart()
    .then(function () {
      setStatus('')
    })
    .catch(function () {
      setStatus(words.cannotConnect)
    })
    .then(schedulePoll)
  setInterval(function () {
    if (conversation) refresh()
  }, refreshEveryMs)
})()
