// Talent import (see dossier_import.h). The dossier text of each row is checked by the
// engine's own JSON reader with the record-owned members spliced in, exactly as the
// platform composes it for a decision, so an imported dossier is one the engine takes.
#include "service/dossier_import.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "policy/eval/batch.h"
#include "policy/io/dossier_reader.h"
#include "service/accounts.h"
#include "service/audit_trail.h"
#include "service/clock.h"
#include "service/dossier_evaluation.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"
#include "store/sha256.h"

namespace jincai::service {
namespace {

// Stops the transaction body so that nothing is written; never leaves this file.
const char* kRollBack = "import rolled back: the file has bad rows";

}  // namespace

namespace {

// Rows on their way from the checking thread to the writing one, a batch at a time.
struct Checked {
  store::TalentRow row;
  int64_t line = 0;
  bool maybe_duplicate = false;  // the document's hash was seen: the writer confirms
};

class BatchQueue {
 public:
  void Push(std::vector<Checked> batch) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return queue_.size() < 4 || stop_; });
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }
  // Empty at the end.
  std::vector<Checked> Pop() {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (queue_.empty()) return {};
    std::vector<Checked> b = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return b;
  }
  void Finish() {
    std::lock_guard lock(mu_);
    done_ = true;
    ready_.notify_all();
  }
  void Stop() {  // the writer failed: let the checker run to its end without blocking
    std::lock_guard lock(mu_);
    stop_ = true;
    queue_.clear();
    room_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<std::vector<Checked>> queue_;
  bool done_ = false, stop_ = false;
};

}  // namespace

Result<ImportOutcome> ImportTalents(store::Store& store, PolicyRegistry& policies, const Actor& by, int32_t today,
                                    const std::string& source_name,
                                    const std::function<Result<bool>(ImportRecord*)>& next,
                                    const ImportOptions& options) {
  if (!by.SeesProvince() && by.role != domain::Role::kSystem)
    return Status::Forbidden("only officers import talents").Zh("只有经办人员可以导入人才");
  auto policy = policies.InForce(today);
  if (!policy.ok()) return policy.status();
  const policy::CompiledPolicy& compiled = *(*policy)->compiled;
  ImportOutcome out;
  const std::string now = UtcText(SystemClock()());
  std::mutex errors_mu;
  auto bad = [&](int64_t line, const std::string& message) {
    std::lock_guard lock(errors_mu);
    ++out.bad_rows;
    if (out.errors.size() < options.max_errors) out.errors.push_back("line " + std::to_string(line) + ": " + message);
  };
  Status st = store.TransactBulk([&](store::Tx& tx) -> Status {
    std::unordered_map<std::string, store::EmployerRow> employers;
    for (int64_t after = 0;;) {
      auto page = store::ListEmployers(tx, 1000, after);
      if (!page.ok()) return page.status();
      if (page->empty()) break;
      for (auto& e : *page) {
        after = e.id;
        employers.emplace(e.credit_code, e);
      }
    }
    // Documents seen so far, by a 64-bit hash of "kind|nationality|number"; a hit is
    // confirmed in the database by the writer (earlier rows of this file are there by
    // then), so a hash collision never refuses a row.
    auto docs = store::ListTalentDocuments(tx);
    if (!docs.ok()) return docs.status();
    std::unordered_set<uint64_t> seen;
    seen.reserve(docs->size() + (1 << 20));
    for (const auto& d : *docs) seen.insert(std::hash<std::string>{}(d));

    // Two threads: this one writes while the checker reads, converts and checks the
    // next rows (the engine's reader is the costly part), so the import uses both cores.
    BatchQueue queue;
    Status read_status;
    std::thread checker([&] {
      std::lock_guard lock((*policy)->mu);  // the reader interns into the policy's pool
      policy::Batch batch;
      batch.Reset(compiled.layout());
      policy::JsonRecordAppender reader(compiled.layout(), compiled.pool());
      ImportRecord rec;
      std::string composed, key;
      std::vector<Checked> pending;
      for (;;) {
        auto more = next(&rec);
        if (!more.ok()) {
          read_status = more.status();
          break;
        }
        if (!*more) break;
        ++out.rows;
        if (options.progress && out.rows % 4096 == 0) options.progress(out.rows);
        if (Status id = CheckIdentityDocument(rec.document_kind, rec.document_number, rec.nationality, today); !id.ok()) {
          bad(rec.line, "field '" + id.field() + "': " + id.message());
          continue;
        }
        if (rec.name.empty() || rec.name.size() > 200) {
          bad(rec.line, "field 'name': must have 1 to 200 bytes");
          continue;
        }
        std::optional<store::EmployerRow> employer;
        if (!rec.employer_credit_code.empty()) {
          auto it = employers.find(rec.employer_credit_code);
          if (it == employers.end()) {
            bad(rec.line, "field 'employer_credit_code': no employer with credit code " + rec.employer_credit_code);
            continue;
          }
          employer = it->second;
        }
        if (rec.document_kind == "resident_id" && rec.document_number.back() == 'x') rec.document_number.back() = 'X';
        Checked c;
        c.line = rec.line;
        store::TalentRow& row = c.row;
        row.name = rec.name;
        row.document_kind = rec.document_kind;
        row.document_number = rec.document_number;
        row.nationality = rec.nationality;
        row.employer_id = employer ? std::optional<int64_t>(employer->id) : std::nullopt;
        if (batch.rows >= 1024) batch.Reset(compiled.layout());
        ComposeDossierText(rec.dossier_json, row, employer, compiled.doc(), &composed);
        if (Status ok = reader.Append(composed, rec.line, batch); !ok.ok()) {
          // The reader says "line N (id talent-0): field ...": keep what follows the location.
          const std::string& m = ok.message();
          auto at = m.find("): ");
          bad(rec.line, at == std::string::npos ? m : m.substr(at + 3));
          continue;
        }
        key.assign(rec.document_kind).append("|").append(rec.nationality).append("|").append(rec.document_number);
        c.maybe_duplicate = !seen.insert(std::hash<std::string>{}(key)).second;
        row.dossier = rec.dossier_json;
        row.created_at = row.updated_at = now;
        pending.push_back(std::move(c));
        if (pending.size() == 1024) {
          queue.Push(std::move(pending));
          pending.clear();
        }
      }
      if (!pending.empty()) queue.Push(std::move(pending));
      queue.Finish();
    });

    Status write_status;
    store::TalentAppender appender(tx);
    store::Sha256 digest;
    std::string key;
    for (std::vector<Checked> b; !(b = queue.Pop()).empty();) {
      for (Checked& c : b) {
        if (!write_status.ok()) break;
        const store::TalentRow& row = c.row;
        if (c.maybe_duplicate) {
          auto found = store::TalentWithDocument(tx, row.document_kind, row.nationality, row.document_number);
          if (!found.ok()) {
            write_status = found.status();
            break;
          }
          bool failing;
          {
            std::lock_guard lock(errors_mu);
            failing = out.bad_rows > 0;
          }
          // Once the file has a bad row nothing more is written, so an earlier copy may
          // not be in the database: the hash then decides (it only adds to a failed report).
          if (*found || failing) {
            bad(c.line, "field 'document_number': " + row.document_number + " is registered already (or twice in this file)");
            continue;
          }
        }
        {
          std::lock_guard lock(errors_mu);
          if (out.bad_rows) continue;  // still checking the rest, but nothing more to write
        }
        write_status = appender.Append(row);
        // The import's digest covers who was imported: document and dossier size per row.
        key.assign(row.document_kind).append("|").append(row.nationality).append("|").append(row.document_number);
        key.append("|").append(std::to_string(row.dossier.size())).append("\n");
        digest.Update(key);
        ++out.imported;
      }
      if (!write_status.ok()) queue.Stop();
    }
    checker.join();
    JINCAI_RETURN_IF_ERROR(read_status);
    JINCAI_RETURN_IF_ERROR(write_status);
    if (out.bad_rows) return Status::InvalidArgument(kRollBack);
    const std::string after = digest.FinalHex();
    return RecordChange(tx, by, "talent.import", "import", source_name, "", out.imported ? after : "");
  });
  if (!st.ok()) {
    if (st.message() != kRollBack) return st;
    out.imported = 0;
  }
  // Rows were checked on two threads: report the bad ones in file order.
  std::sort(out.errors.begin(), out.errors.end(), [](const std::string& a, const std::string& b) {
    return std::stoll(a.substr(5)) < std::stoll(b.substr(5));
  });
  return out;
}

}  // namespace jincai::service
