'use strict';
// Node/express peer of the dysession benchmark app: the same /count, /read and /plain,
// with express-session and connect-dynamodb (AWS SDK v3) as the session store.
//
// Environment:
//   PORT               port to listen on (127.0.0.1), default 3000
//   DYNAMODB_ENDPOINT  e.g. http://127.0.0.1:8000 (required)
//   TABLE              session table, created at start if missing, default "node_sessions"
//   SESSION_SECRET     cookie signing secret, default a fixed string
//   COOKIE_NAME        session cookie name, default "connect.sid"
//   AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (defaults: us-east-1, dummy, dummy)

const express = require('express');
const session = require('express-session');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const DynamoDBStore = require('connect-dynamodb')(session);

const port = Number(process.env.PORT || 3000);
const endpoint = process.env.DYNAMODB_ENDPOINT;
const table = process.env.TABLE || 'node_sessions';
if (!endpoint) {
  console.error('DYNAMODB_ENDPOINT is required, e.g. http://127.0.0.1:8000');
  process.exit(2);
}

const client = new DynamoDBClient({
  endpoint,
  region: process.env.AWS_REGION || 'us-east-1',
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID || 'dummy',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY || 'dummy',
  },
  // Keep-alive is already the default of @smithy/node-http-handler 4.x; stated here explicitly.
  requestHandler: { httpAgent: { keepAlive: true, maxSockets: 50 } },
});

const store = new DynamoDBStore({ client, table, hashKey: 'id' });
// connect-dynamodb's touch() is an UpdateItem; express-session calls it at the end of every
// request whose session was loaded but not modified (rolling:false does not prevent that).
// Shadow it so express-session sees no touch() at all: a /read is one GetItem and no write.
store.touch = undefined;

const sessionMiddleware = session({
  store,
  name: process.env.COOKIE_NAME || 'connect.sid',
  secret: process.env.SESSION_SECRET || 'dysession-node-peer',
  resave: false,
  saveUninitialized: false,
  rolling: false,
  unset: 'keep',
  cookie: { httpOnly: true, path: '/', secure: false },
});

const app = express();
app.disable('x-powered-by');
app.disable('etag');
app.set('trust proxy', false);

function text(res, body) {
  res.set('Content-Type', 'text/plain;charset=UTF-8');
  res.set('X-Server-Pid', String(process.pid));
  res.send(body);
}

app.get('/count', sessionMiddleware, (req, res) => {
  req.session.count = (req.session.count || 0) + 1;
  text(res, String(req.session.count));
});

app.get('/read', sessionMiddleware, (req, res) => {
  text(res, String(req.session.count || 0));
});

app.get('/plain', (req, res) => {
  text(res, 'plain');
});

store
  .initialize() // DescribeTable, CreateTable if missing
  .then(() => {
    const server = app.listen(port, '127.0.0.1', () => {
      console.log(`node-peer listening on http://127.0.0.1:${server.address().port} table=${table}`);
    });
    server.keepAliveTimeout = 65000;
    // Nothing to flush (every session write completes before its response): stop at once.
    const stop = () => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  })
  .catch((err) => {
    console.error('cannot initialize the session table:', err);
    process.exit(1);
  });
