export { default as directLineRoutes } from './routes'
export { botAccount, DirectLineChannel, webChatChannelId, type TurnHandler } from './directLineChannel'
