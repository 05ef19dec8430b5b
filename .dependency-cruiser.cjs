/**
 * Dependency rules, checked in CI by `npm run depcheck` (file level, then folder level with each folder
 * collapsed to one node). The flow is channel → conversation → feedback → classification → triage → messaging;
 * the layers below may be used by those above, never the other way round:
 *
 *   platform   src/config.ts, src/logger.ts, src/clock.ts, src/i18n/            (nothing in the app)
 *   data       src/data/                                                        (platform only)
 *   basics     src/classification/, src/conversation/ (what the bot says and reads, the journey state), src/contact/
 *   domain     src/directory/, src/security/, src/feedback/, src/triage/, src/messaging/
 *   dialogs    dialogs/ (feedback, directory, classification, conversation; never channels or the bot)
 *   bot        src/bot/ (runs the dialogs)
 *   channels   src/channels/ (webchat, sms, botframework: turn the bot; never the domain behind it)
 *   edge       src/routes/, src/middleware/, src/privacy/, src/metrics.ts
 *   root       src/composition.ts (builds everything), src/app.ts, src/service.ts, src/server.ts
 */
const platform = '^src/(config|logger|clock)[.]ts$|^src/i18n/|^src/types/'

/** A rule that `from` may depend on nothing in the app outside `allowed` (plus itself and the platform). */
function onlyDependsOn(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: '^(src|dialogs)/', pathNot: [from, platform, ...allowed] },
  }
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, between files or (with --collapse) between folders.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    onlyDependsOn('platform-is-the-base', 'Config, logging, clock and languages depend on nothing in the app.', '^src/(config|logger|clock)[.]ts$|^src/i18n/', []),
    onlyDependsOn('data-depends-on-nothing', 'Models and work queues know nothing of the app above them.', '^src/data/', []),
    onlyDependsOn('classification-depends-on-nothing', 'Classification reads text; it knows nothing of channels, feedback records or triage.', '^src/classification/', []),
    onlyDependsOn('conversation-basics', 'What the bot says and how replies are read: used by dialogs, channels and messaging, depends on nothing.', '^src/conversation/', []),
    onlyDependsOn('contact', 'Contact details (phone numbers, encryption at rest) sit on the data layer only.', '^src/contact/', ['^src/data/']),
    onlyDependsOn('directory', 'The care service directory uses data only.', '^src/directory/', ['^src/data/']),
    onlyDependsOn('security', 'Secrets, console users, sign-in and the audit log use data only.', '^src/security/', ['^src/data/', '^src/contact/']),
    onlyDependsOn('feedback', 'Feedback records: never triage, messaging, channels or the bot (routing is passed in at construction).', '^src/feedback/', [
      '^src/data/',
      '^src/conversation/',
      '^src/contact/',
      '^src/directory/',
    ]),
    onlyDependsOn('triage', 'Classification, routing, alerts and cases: never channels, the bot or the dialogs.', '^src/triage/', [
      '^src/data/',
      '^src/contact/',
      '^src/conversation/',
      '^src/classification/',
      '^src/feedback/',
      '^src/security/',
      '^src/messaging/',
    ]),
    onlyDependsOn('messaging', 'Updates to people go out through the channels; messaging never depends on triage or the bot.', '^src/messaging/', [
      '^src/data/',
      '^src/contact/',
      '^src/conversation/',
      '^src/feedback/',
      '^src/channels/',
    ]),
    onlyDependsOn('dialogs', 'Dialogs depend on feedback, directory, classification and conversation basics, never on channels or the bot.', '^dialogs/', [
      '^src/data/',
      '^src/contact/',
      '^src/conversation/',
      '^src/classification/',
      '^src/directory/',
      '^src/feedback/',
      '^src/triage/',
    ]),
    onlyDependsOn('bot', 'The bot runs the dialogs; it never depends on a channel.', '^src/bot/', [
      '^dialogs/',
      '^src/data/',
      '^src/contact/',
      '^src/conversation/',
      '^src/classification/',
      '^src/directory/',
      '^src/feedback/',
      '^src/triage/',
    ]),
    onlyDependsOn('privacy', 'Retention, erasure and subject access reach every store, but never the web layer.', '^src/privacy/', [
      '^src/data/',
      '^src/contact/',
      '^src/bot/',
      '^src/feedback/',
      '^src/security/',
    ]),
    onlyDependsOn('middleware', 'Small set-up middlewares for the web app.', '^src/middleware/', ['^src/data/', '^src/security/']),
    onlyDependsOn('channels', 'Channels carry turns to the bot; they never reach into feedback, triage or messaging.', '^src/channels/', [
      '^src/data/',
      '^src/contact/',
      '^src/conversation/',
      '^src/security/',
    ]),
    {
      name: 'only-the-root-builds',
      comment: 'Only the start-up files and the web routes (which take the built services) import the composition root.',
      severity: 'error',
      from: { pathNot: '^src/(app|service|server)[.]ts$|^src/routes/' },
      to: { path: '^src/composition[.]ts$' },
    },
    {
      name: 'start-up-is-the-top',
      comment: 'Nothing imports the app, the service or the server but the file above it.',
      severity: 'error',
      from: { pathNot: '^src/(service|server)[.]ts$' },
      to: { path: '^src/(app|service|server)[.]ts$' },
    },
    {
      name: 'no-tests-in-the-app',
      severity: 'error',
      from: { path: '^(src|dialogs)/' },
      to: { path: '^(test|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    // Type-only imports count: a cycle through types still ties the folders together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
