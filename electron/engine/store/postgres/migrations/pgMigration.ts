/**
 * One numbered step of the PostgreSQL schema. Each number is the same step as SQLite's migration of that number
 * (store/migrations), written in PostgreSQL's dialect: BIGINT epoch milliseconds, BIGSERIAL ids, JSON kept as text
 * (both stores map rows the same way). Never edited once shipped: a change is a new, higher number in both.
 */
export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}
