// The benchmark's static server: every file compressed once with gzip -9
// (as a web server with precompressed files would send it), `no-store`, on
// 127.0.0.1 only. Routes map a URL prefix to a folder, or a path to bytes
// made by the benchmark itself (the SurveyJS model, the plain-HTML page).
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/// `folders`: { '/ours/': '/abs/dist', … }; `files`: { '/plain/index.html': Buffer|string, … }.
/// Resolves to { url, close() }.
export function startServer({ folders, files }) {
  const cache = new Map();
  const body = (key, read) => {
    if (!cache.has(key)) {
      const raw = read();
      cache.set(key, gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }));
    }
    return cache.get(key);
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let key = null;
    let read = null;
    if (Object.hasOwn(files, path)) {
      key = path;
      read = () => Buffer.from(files[path]);
    } else {
      for (const [prefix, folder] of Object.entries(folders)) {
        if (!path.startsWith(prefix)) continue;
        let file = normalize(join(folder, path.slice(prefix.length)));
        if (!file.startsWith(folder)) break;
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        if (existsSync(file)) {
          key = file;
          read = () => readFileSync(file);
        }
        break;
      }
    }
    if (!key) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const gz = body(key, read);
    response.writeHead(200, {
      'Content-Type': types[extname(path === '/' ? 'x.html' : path)] || 'application/octet-stream',
      'Content-Encoding': 'gzip',
      'Content-Length': gz.length,
      'Cache-Control': 'no-store',
    });
    response.end(gz);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}
