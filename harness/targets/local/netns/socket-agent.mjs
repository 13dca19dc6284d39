// Runs inside one network namespace (`ip netns exec NS node socket-agent.mjs`) and opens sockets
// there on request, handing each back to the parent over the IPC channel. A socket keeps the
// namespace it was created in, so the parent process can serve and connect inside many
// namespaces at once. Plain JavaScript on purpose: it starts in ~40 ms without a TS loader.
import net from 'node:net'
import dgram from 'node:dgram'

const reply = (id, body, handle) =>
  new Promise((resolve) => {
    process.send({ id, ...body }, handle, resolve)
  })

process.on('message', async (msg) => {
  const { id, op } = msg
  try {
    if (op === 'listen-tcp') {
      const server = net.createServer({ pauseOnConnect: true })
      await new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen({ host: msg.host, port: msg.port, backlog: 1024, exclusive: true }, resolve)
      })
      await reply(id, { ok: true, port: server.address().port }, server)
      server.close()
    } else if (op === 'listen-udp') {
      const socket = dgram.createSocket('udp4')
      await new Promise((resolve, reject) => {
        socket.once('error', reject)
        socket.bind({ address: msg.host, port: msg.port, exclusive: true }, resolve)
      })
      await reply(id, { ok: true }, socket)
      socket.close()
    } else if (op === 'connect-tcp') {
      const socket = net.connect({ host: msg.host, port: msg.port, localAddress: msg.localAddress, noDelay: true })
      const timer = setTimeout(() => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })), msg.timeoutMs ?? 5000)
      socket.once('connect', async () => {
        clearTimeout(timer)
        socket.pause()
        await reply(id, { ok: true }, socket)
      })
      socket.once('error', async (err) => {
        clearTimeout(timer)
        await reply(id, { ok: false, code: err.code ?? 'ERROR', message: err.message })
      })
    } else if (op === 'exit') {
      process.exit(0)
    } else {
      await reply(id, { ok: false, code: 'EBADOP', message: `unknown op ${op}` })
    }
  } catch (err) {
    await reply(id, { ok: false, code: err.code ?? 'ERROR', message: err.message })
  }
})

// The parent owns this process: when the IPC channel closes, nothing is left to serve.
process.on('disconnect', () => process.exit(0))
process.send({ ready: true })
