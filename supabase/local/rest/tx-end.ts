/**
 * How a request's transaction ends, as PostgREST decides it: `db-tx-end` (the in-database
 * `pgrst.db_tx_end`, default `commit`) and, where it allows an override, `Prefer: tx=`; a singular
 * mutation that did not touch exactly one row; a PUT that did not write exactly one; `Prefer:
 * handling=strict, max-affected=n` exceeded.
 */
import { ApiError } from "./errors";
import type { Decide, ExecResult } from "./execute";
import type { Prepared } from "./prepare";

export interface TxEnd {
  /** Undefined when the transaction always commits (the COMMIT can then be pipelined). */
  decide?: Decide;
  /** `tx=…` for Preference-Applied when the client's choice was honoured. */
  applied?: "commit" | "rollback";
  /** Throws the answer for a result the transaction was rolled back for, if it is not the normal one. */
  check(result: ExecResult): void;
}

function rollsBack(config: Map<string, string>, wanted: "commit" | "rollback" | undefined): [boolean, boolean] {
  const setting = config.get("db_tx_end") ?? "commit";
  const overridable = setting.endsWith("-allow-override");
  const base = setting.startsWith("rollback");
  if (overridable && wanted !== undefined) return [wanted === "rollback", true];
  return [base, false];
}

export function txEnd(prepared: Prepared, config: Map<string, string>): TxEnd {
  const { request, plan } = prepared;
  const [rollback, honoured] = rollsBack(config, request.prefer.tx);
  const max = request.prefer.handling === "strict" ? request.prefer["max-affected"] : undefined;
  const limited = max !== undefined && (plan.kind === "update" || plan.kind === "delete" || plan.kind === "call");
  if (limited && plan.kind === "call" && !plan.call.fn.returnsSet) {
    throw new ApiError(
      400,
      "PGRST128",
      "Function must return SETOF or TABLE when max-affected preference is used with handling=strict",
    );
  }
  // A plan (EXPLAIN, even ANALYZE) is answered as it is: PostgREST checks neither rows nor max-affected then.
  const checked = request.explain === undefined;
  const singular = checked && request.singular && !prepared.readOnly;
  const exceeded = (r: ExecResult) => checked && limited && max !== undefined && r.page > max;
  // PUT: a body whose key is not the URL's wrote nothing; PostgREST rolls back anything but one row.
  const put = checked && plan.kind === "insert" && plan.put !== undefined;
  const misput = (r: ExecResult) => put && r.page !== 1;
  const end: TxEnd = {
    ...(honoured && request.prefer.tx && { applied: request.prefer.tx }),
    check(result) {
      if (misput(result)) {
        throw new ApiError(400, "PGRST115", "Payload values do not match URL in primary key column(s)");
      }
      if (exceeded(result)) {
        throw new ApiError(
          400,
          "PGRST124",
          "Query result exceeds max-affected preference constraint",
          `The query affects ${result.page} rows`,
        );
      }
    },
  };
  if (rollback || singular || limited || put) {
    end.decide = (r) => !rollback && !(singular && r.page !== 1) && !exceeded(r) && !misput(r);
  }
  return end;
}
