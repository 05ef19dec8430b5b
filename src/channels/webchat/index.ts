export { default as directLineRoutes } from './routes'
export { DirectLineChannel, webChatChannelId, type TurnHandler } from './directLineChannel'
