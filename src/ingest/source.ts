import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { utf8Decoder, type ChunkDecoder } from './utf8.js';
import { InputError } from '../errors.js';

/** Where ticket bytes come from: a path, or standard input for `-`. */
export interface SourceSpec {
  /** The name the user gave (`-` for stdin); used in every message about this input. */
  name: string;
  /** Where to read, when it differs from the name shown (the bundled sample). */
  path?: string;
  stdin?: NodeJS.ReadableStream;
}

export interface TextSource {
  name: string;
  /** The first decoded text (at least the header line when the file has one). */
  head: string;
  /** All decoded text, `head` included, in chunks; BOM removed. */
  chunks: AsyncIterable<string>;
  /** Bytes read from the file or stdin so far (compressed bytes for gzip), for progress. */
  bytesRead(): number;
  /** Size of the file in bytes; unknown for stdin. */
  size?: number;
  /**
   * Set for an uncompressed UTF-8 file, whose byte offsets are offsets in the file: another
   * thread may read a later part of it (see split.ts) while this source stops early.
   */
  plain?: PlainFile;
}

export interface PlainFile {
  path: string;
  /** Ends `chunks` at this byte offset (a character boundary); call before reading reaches it. */
  stopAt(offset: number): void;
}

const GZIP_MAGIC = [0x1f, 0x8b];

function openBytes(spec: SourceSpec, start = 0): Readable {
  if (spec.name === '-') {
    if (!spec.stdin) throw new InputError('-', 'standard input is not available');
    return Readable.from(spec.stdin as AsyncIterable<Buffer>);
  }
  return createReadStream(spec.path ?? spec.name, { start });
}

interface ByteCounter {
  bytes: number;
  /** Offset at which the stream is cut short (Infinity: read to the end). */
  end: number;
}

async function* counted(stream: AsyncIterable<Buffer>, counter: ByteCounter): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    const room = counter.end - counter.bytes;
    if (chunk.length >= room) {
      counter.bytes += room;
      if (room > 0) yield chunk.subarray(0, room);
      return;
    }
    counter.bytes += chunk.length;
    yield chunk;
  }
}

async function* remaining(iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

async function* prepend(first: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  yield* rest;
}

interface Peeked {
  /** The first bytes, at least `min` unless the stream is shorter. */
  head: Buffer;
  /** The bytes after `head`. */
  rest: AsyncIterable<Buffer>;
}

/** Reads enough of a byte stream to sniff it. */
async function peek(stream: AsyncIterable<Buffer>, min: number): Promise<Peeked> {
  const iterator = stream[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  while (length < min) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    parts.push(chunk);
    length += chunk.length;
  }
  return { head: Buffer.concat(parts), rest: remaining(iterator) };
}

/** A failure to open or read an input file as one line naming the file. */
export function describeOpenError(name: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(name, 'no such file');
  if (code === 'EISDIR') return new InputError(name, 'is a directory, not an export file');
  if (code === 'EACCES') return new InputError(name, 'permission denied');
  if ((error as Error).message?.includes('incorrect header check') || code === 'Z_DATA_ERROR') {
    return new InputError(name, 'the gzip data is damaged');
  }
  if (code === 'Z_BUF_ERROR') return new InputError(name, 'the gzip file is cut short');
  return new InputError(name, (error as Error).message ?? String(error));
}

/**
 * Opens an export as text: gunzips when the bytes say gzip, drops a UTF-8 BOM, decodes UTF-16 LE
 * (Excel's "Unicode text") and refuses binary data, all while streaming.
 */
export async function openText(spec: SourceSpec): Promise<TextSource> {
  const { name } = spec;
  const counter: ByteCounter = { bytes: 0, end: Infinity };
  // An unreadable path fails below with the usual message; here it only leaves the size unknown.
  const size = spec.name === '-' ? undefined : await stat(spec.path ?? spec.name).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
  try {
    let { head, rest } = await peek(counted(openBytes(spec), counter), 4096);
    const gzip = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    if (gzip) {
      ({ head, rest } = await peek(Readable.from(prepend(head, rest)).pipe(createGunzip()), 4096));
    }
    let encoding: 'utf-8' | 'utf-16le' = 'utf-8';
    let skip = 0;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
    else if (head[0] === 0xff && head[1] === 0xfe) {
      encoding = 'utf-16le';
      skip = 2;
    } else if (head[0] === 0xfe && head[1] === 0xff) {
      throw new InputError(name, 'is UTF-16 big-endian; save it as UTF-8 CSV');
    }
    if (encoding === 'utf-8' && head.subarray(0, 4096).includes(0)) {
      throw new InputError(name, 'is binary data, not a CSV or JSON export');
    }
    const decoder = encoding === 'utf-8' ? utf8Decoder() : utf16Decoder();
    const decodedHead = decoder.decode(head.subarray(skip));
    return {
      name,
      head: decodedHead,
      chunks: decodeRest(decodedHead, rest, decoder, name),
      bytesRead: () => counter.bytes,
      ...(size !== undefined ? { size } : {}),
      ...(size !== undefined && !gzip && encoding === 'utf-8'
        ? { plain: { path: spec.path ?? spec.name, stopAt: (offset: number) => void (counter.end = offset) } }
        : {}),
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw describeOpenError(name, error);
  }
}

/**
 * The UTF-8 text of a plain file from byte `start` (a character boundary) to its end, for a
 * thread reading the later part of a file.
 */
export function openTextFrom(name: string, path: string, start: number): TextSource {
  const counter: ByteCounter = { bytes: 0, end: Infinity };
  return {
    name,
    head: '',
    chunks: decodeRest('', counted(openBytes({ name, path }, start), counter), utf8Decoder(), name),
    bytesRead: () => counter.bytes,
  };
}

/** Excel's "Unicode text": UTF-16 LE, rare and small enough for the standard decoder. */
function utf16Decoder(): ChunkDecoder {
  const decoder = new TextDecoder('utf-16le');
  return { decode: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

async function* decodeRest(
  decodedHead: string,
  rest: AsyncIterable<Buffer>,
  decoder: ChunkDecoder,
  name: string,
): AsyncGenerator<string> {
  if (decodedHead !== '') yield decodedHead;
  try {
    for await (const chunk of rest) {
      const text = decoder.decode(chunk);
      if (text !== '') yield text;
    }
  } catch (error) {
    throw describeOpenError(name, error);
  }
  const tail = decoder.end();
  if (tail !== '') yield tail;
}
