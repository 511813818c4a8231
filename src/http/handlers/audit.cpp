// /api/v1/audit: the hash-chained audit log for officers and admins: its records in
// order, and a verification of the whole chain (the first broken link, if any).
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace jincai::http {

Response HandleListAudit(const Request& req, Services& s) {
  int64_t limit, after;
  Response problem;
  if (!PageOf(req, &limit, &after, &problem)) return problem;
  auto rows = s.store.ListAudit(limit, after);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *rows)
    items.push_back({{"id", r.id},
                     {"at", r.entry.time},
                     {"actor", r.entry.actor},
                     {"action", r.entry.action},
                     {"object_type", r.entry.object_type},
                     {"object_id", r.entry.object_id},
                     {"before_digest", r.entry.before_digest},
                     {"after_digest", r.entry.after_digest},
                     {"prev_hash", r.prev_hash},
                     {"hash", r.hash}});
  return JsonResponse({{"items", items}});
}

Response HandleVerifyAudit(const Request& req, Services& s) {
  auto v = s.store.VerifyAudit();
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse({{"ok", v->ok()},
                       {"records", v->records},
                       {"head_hash", v->head_hash},
                       {"break", v->ok() ? nlohmann::json(nullptr) : nlohmann::json(store::AuditBreakName(v->kind))},
                       {"broken_id", v->ok() ? nlohmann::json(nullptr) : nlohmann::json(v->broken_id)},
                       {"detail", v->detail}});
}

}  // namespace jincai::http
