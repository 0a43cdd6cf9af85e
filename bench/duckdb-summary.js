#!/usr/bin/env node
// The benchmark's peer: DuckDB computes the summary csops prints (count, first reply median and
// p90, full resolution median, CSAT score, FCR) from the same Zendesk export, with csops's
// definitions (DESIGN.md) written in SQL. Run as its own process so its time and memory are
// measured like csops's: `node bench/duckdb-summary.js FILE.csv|FILE.ndjson` prints JSON.
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/duckdb-summary.js <export.csv|export.ndjson>');
const path = file.replaceAll("'", "''");

// One row per ticket with the columns the summary needs, from either export shape.
const TICKETS = file.endsWith('.ndjson')
  ? `SELECT lower(status) AS status,
            metric_set.reply_time_in_minutes.calendar::DOUBLE AS first_reply,
            metric_set.full_resolution_time_in_minutes.calendar::DOUBLE AS full_resolution,
            lower(satisfaction_rating.score) AS rating,
            metric_set.replies::DOUBLE AS replies,
            metric_set.reopens::DOUBLE AS reopens
     FROM read_json('${path}', format = 'newline_delimited')`
  : `SELECT lower(trim("Status")) AS status,
            TRY_CAST(NULLIF(trim("First reply time in minutes"), '') AS DOUBLE) AS first_reply,
            TRY_CAST(NULLIF(trim("Full resolution time in minutes"), '') AS DOUBLE) AS full_resolution,
            lower(trim("Satisfaction Score")) AS rating,
            TRY_CAST(NULLIF(trim("Replies"), '') AS DOUBLE) AS replies,
            TRY_CAST(NULLIF(trim("Reopens"), '') AS DOUBLE) AS reopens
     FROM read_csv('${path}', header = true, all_varchar = true, quote = '"', escape = '"')`;

// quantile_cont interpolates between closest ranks: R type 7, csops's percentile definition.
const SUMMARY = `
WITH t AS (${TICKETS}), s AS (SELECT *, status IN ('solved', 'closed') AS solved FROM t)
SELECT
  count(*)::INTEGER AS created,
  quantile_cont(first_reply, 0.5) AS "firstReplyMedian",
  quantile_cont(first_reply, 0.9) AS "firstReplyP90",
  quantile_cont(full_resolution, 0.5) FILTER (WHERE solved) AS "fullResolutionMedian",
  (count(*) FILTER (WHERE rating = 'good'))::DOUBLE / nullif(count(*) FILTER (WHERE rating IN ('good', 'bad')), 0) AS "csatScore",
  (count(*) FILTER (WHERE solved AND replies = 1 AND reopens = 0))::DOUBLE
    / nullif(count(*) FILTER (WHERE solved AND replies >= 1 AND reopens IS NOT NULL), 0) AS "fcrRate"
FROM s`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(SUMMARY);
const [row] = reader.getRowObjectsJson();
process.stdout.write(`${JSON.stringify(row)}\n`);
