// The analyst's simulator (see simulator.h).
#include "service/simulator.h"

#include <chrono>
#include <functional>
#include <ostream>
#include <streambuf>

#include "domain/synthetic_population.h"
#include "policy/io/dossier_reader.h"
#include "policy/io/reform_writer.h"
#include "policy/value.h"

namespace jincai::service {

struct Simulator::Population {
  int64_t version_id = 0, count = 0;
  uint64_t seed = 0;
  std::vector<policy::Batch> batches;
};

namespace {

bool MayUse(const Actor& by) {
  using domain::Role;
  return by.role == Role::kPolicyAnalyst || by.role == Role::kOfficer || by.role == Role::kAdmin;
}

// A parameter's value as text: "0.6", "5000.00", "true", "2020-01-01", or the string.
std::string ValueText(const policy::ParameterSpec& p, const policy::ParamValue& v) {
  switch (p.kind) {
    case policy::Kind::kMoney: return policy::FormatMoney(v.value);
    case policy::Kind::kBool: return v.value ? "true" : "false";
    case policy::Kind::kDate: return policy::FormatDate(static_cast<int32_t>(v.value));
    case policy::Kind::kString: return v.string_value;
    default: return policy::FormatNumber(v.value);
  }
}

// The value in force on `day` (the first one before any), as text; "" without values.
std::string ValueText(const policy::ParameterSpec& p, int32_t day) {
  const policy::ParamValue* v = nullptr;
  for (const auto& pv : p.values)
    if (pv.from <= day) v = &pv;
  if (!v && !p.values.empty()) v = &p.values.front();
  return v ? ValueText(p, *v) : "";
}

// The base with each parameter of `set` given its one value; InvalidArgument naming
// "set.NAME" for an unknown parameter or a value of the wrong type.
Status ApplySet(policy::CompiledPolicy& reform, const std::map<std::string, std::string>& set) {
  for (const auto& [name, text] : set) {
    bool known = false;
    for (const auto& p : reform.parameters) known |= p.name == name;
    if (!known)
      return Status::InvalidArgument("set." + name + ": the policy has no parameter '" + name + "'")
          .Field("set." + name)
          .Zh("政策中没有参数 " + name);
    Status st = policy::OverrideParameter(reform, name, text);
    if (!st.ok())
      return Status::InvalidArgument("set." + name + ": " + st.message()).Field("set." + name)
          .Zh("参数 " + name + " 的取值“" + text + "”不合该参数的类型");
  }
  return Status::Ok();
}

// A parameter's (one) value as TOML.
std::string TomlValue(const policy::ParameterSpec& p) {
  const policy::ParamValue& v = p.values.front();
  if (p.kind != policy::Kind::kString) return ValueText(p, v);  // bare in TOML
  std::string out = "\"";
  for (char c : v.string_value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += esc;
    } else {
      out += c;
    }
  }
  return out + '"';
}

// A stream buffer that calls `on_line` with each complete line written to it (without
// the newline), keeping only the line in progress.
class LineStream : public std::streambuf {
 public:
  explicit LineStream(std::function<void(std::string_view)> on_line) : on_line_(std::move(on_line)) {}
  // The last line, when the text did not end with a newline.
  void Finish() {
    if (!partial_.empty()) on_line_(partial_);
    partial_.clear();
  }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::string_view text(s, static_cast<size_t>(n));
    for (size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1)) {
      if (partial_.empty()) {
        on_line_(text.substr(0, nl));
      } else {
        partial_.append(text.substr(0, nl));
        on_line_(partial_);
        partial_.clear();
      }
    }
    partial_.append(text);
    return n;
  }
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    xsputn(&ch, 1);
    return c;
  }

 private:
  std::function<void(std::string_view)> on_line_;
  std::string partial_;
};

}  // namespace

Simulator::Simulator(PolicyRegistry& policies, Clock clock) : policies_(policies), clock_(std::move(clock)) {}

int32_t Simulator::ReferenceDay() {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", domain::kPopulationReferenceYear % 10000,
                domain::kPopulationReferenceMonth % 100, domain::kPopulationReferenceDay % 100);
  return *policy::ParseDate(buf);
}

Result<std::shared_ptr<const LoadedPolicy>> Simulator::VersionFor(std::optional<int64_t> id) {
  if (id) return policies_.Version(*id);
  return policies_.InForce(ShanghaiDay(clock_()));
}

Result<std::pair<store::PolicyVersionRow, std::vector<SimulationParameter>>> Simulator::Parameters(
    const Actor& by, std::optional<int64_t> policy_version_id, std::optional<int32_t> as_of) {
  if (!MayUse(by)) return Status::Forbidden("only analysts and officers use the simulator").Zh("只有政策分析员和经办人员可以使用模拟器");
  auto loaded = VersionFor(policy_version_id);
  if (!loaded.ok()) return loaded.status();
  const int32_t day = as_of.value_or(ReferenceDay());
  std::vector<SimulationParameter> out;
  for (const auto& p : (*loaded)->compiled->parameters)
    out.push_back({p.name, policy::KindName(p.kind), ValueText(p, day), p.assumption, p.cite.text});
  return std::make_pair((*loaded)->row, std::move(out));
}

Result<std::shared_ptr<const Simulator::Population>> Simulator::PopulationFor(const LoadedPolicy& lp, int64_t count,
                                                                            uint64_t seed, bool keep, bool* cached) {
  {
    std::lock_guard lock(mu_);
    if (population_ && population_->version_id == lp.row.id && population_->count == count && population_->seed == seed) {
      *cached = true;
      return std::shared_ptr<const Population>(population_);
    }
  }
  *cached = false;
  const policy::CompiledPolicy& base = *lp.compiled;
  auto pop = std::make_shared<Population>();
  pop->version_id = lp.row.id;
  pop->count = count;
  pop->seed = seed;
  // The generator writes JSON Lines into a stream that hands each line to the reader at
  // once: the population is never held as text (100,000 dossiers are some 30 MB of it).
  policy::JsonRecordAppender appender(base.layout(), base.pool());
  policy::Batch batch;
  batch.Reset(base.layout());
  int64_t line = 0;
  Status failed = Status::Ok();
  LineStream lines([&](std::string_view record) {
    if (!failed.ok()) return;
    Status st = appender.Append(record, ++line, batch);
    if (!st.ok()) {
      failed = Status::Conflict("policy " + lp.row.policy_id + " " + lp.row.version +
                                " does not read the synthetic population: " + st.message())
                   .Zh("该政策版本无法读取模拟人群：" + st.message());
      return;
    }
    if (batch.rows >= policy::kMemoryRows) {
      pop->batches.push_back(std::move(batch));
      batch = policy::Batch();
      batch.Reset(base.layout());
    }
  });
  std::ostream out(&lines);
  domain::WritePopulation(out, {count, seed, domain::PopulationFormat::kJsonl});
  out.flush();
  lines.Finish();
  if (!failed.ok()) return failed;
  if (batch.rows > 0) pop->batches.push_back(std::move(batch));
  if (keep) {
    std::lock_guard lock(mu_);
    population_ = pop;
  }
  return std::shared_ptr<const Population>(pop);
}

Result<SimulationResult> Simulator::Run(const Actor& by, const SimulationRequest& req) {
  if (!MayUse(by)) return Status::Forbidden("only analysts and officers use the simulator").Zh("只有政策分析员和经办人员可以使用模拟器");
  if (req.count < 1 || req.count > kMaxSimulationPopulation)
    return Status::InvalidArgument("count must be between 1 and " + std::to_string(kMaxSimulationPopulation))
        .Field("count")
        .Zh("count 须在 1 至 " + std::to_string(kMaxSimulationPopulation) + " 之间");
  auto loaded = VersionFor(req.policy_version_id);
  if (!loaded.ok()) return loaded.status();
  const LoadedPolicy& lp = **loaded;
  const policy::CompiledPolicy& base = *lp.compiled;
  auto reform = std::make_shared<policy::CompiledPolicy>(base);
  JINCAI_RETURN_IF_ERROR(ApplySet(*reform, req.set));
  SimulationResult result;
  result.policy = lp.row;
  result.as_of = req.as_of.value_or(ReferenceDay());
  // The compiled policy's string pool is shared by both sides and not thread-safe.
  std::lock_guard policy_lock(lp.mu);
  bool cached = false;
  auto pop = PopulationFor(lp, req.count, req.seed, /*keep=*/true, &cached);
  if (!pop.ok()) return pop.status();
  result.population_cached = cached;
  const auto started = std::chrono::steady_clock::now();
  auto sim = policy::Simulation::Create(base, *reform, result.as_of);
  if (!sim.ok()) return sim.status();
  for (const auto& b : (*pop)->batches) (*sim)->Add(b);
  result.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  result.report = (*sim)->report();
  return result;
}

Result<std::string> Simulator::ReformFile(const Actor& by, std::optional<int64_t> policy_version_id,
                                         const std::map<std::string, std::string>& set, const std::string& version_in) {
  if (!MayUse(by)) return Status::Forbidden("only analysts and officers use the simulator").Zh("只有政策分析员和经办人员可以使用模拟器");
  auto loaded = VersionFor(policy_version_id);
  if (!loaded.ok()) return loaded.status();
  const LoadedPolicy& lp = **loaded;
  const std::string version = version_in.empty() ? lp.row.version + "-reform" : version_in;
  if (version.size() > 40 || version.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_+") !=
                                 std::string::npos)
    return Status::InvalidArgument("version must have 1 to 40 letters, digits, '.', '-', '_' or '+'").Field("version")
        .Zh("version 须为 1 至 40 个字母、数字或 . - _ +");
  auto reform = std::make_shared<policy::CompiledPolicy>(*lp.compiled);
  JINCAI_RETURN_IF_ERROR(ApplySet(*reform, set));
  {
    // A value the policy cannot decide with (a zero divisor, say) is refused here: a
    // file that checks but fails every decision must not reach the office's versions.
    constexpr int64_t kSample = 2000;
    std::lock_guard policy_lock(lp.mu);
    bool cached = false;
    auto sample = PopulationFor(lp, kSample, 1, /*keep=*/false, &cached);
    if (!sample.ok()) return sample.status();
    auto sim = policy::Simulation::Create(*lp.compiled, *reform, ReferenceDay());
    if (!sim.ok()) return sim.status();
    for (const auto& b : (*sample)->batches) (*sim)->Add(b);
    if (const int64_t failed = (*sim)->report().reform_errors; failed > 0)
      return Status::InvalidArgument("the reform cannot decide " + std::to_string(failed) + " of " +
                                     std::to_string(kSample) +
                                     " sample dossiers (a division by zero or a value out of range): change the values")
          .Field("set")
          .Zh("该改革方案无法评估 " + std::to_string(kSample) + " 份样本中的 " + std::to_string(failed) +
              " 份（如除以零或数值越界），请调整参数");
  }
  std::vector<policy::ParameterRewrite> rewrites;
  for (const auto& [name, text] : set) {
    const policy::ParameterSpec* before = nullptr;
    const policy::ParameterSpec* after = nullptr;
    for (const auto& p : lp.compiled->parameters) if (p.name == name) before = &p;
    for (const auto& p : reform->parameters) if (p.name == name) after = &p;
    if (!before || !after || after->values.empty()) return Status::Internal("parameter " + name + " vanished");
    const int32_t from = before->values.empty() ? 0 : before->values.front().from;
    rewrites.push_back({name, policy::FormatDate(from), TomlValue(*after)});
  }
  auto stored = policies_.Text(lp.row.id);
  if (!stored.ok()) return stored.status();
  auto text = policy::RewriteParameters(stored->text, rewrites, version);
  if (!text.ok()) return Status::Internal("cannot write the reform: " + text.status().message());
  PolicyCheckReport report = PolicyRegistry::Check(lp.row.policy_id + "-" + version + ".toml", *text);
  if (!report.ok) {
    std::string first = report.items.empty() ? "" : report.items.front().rendered;
    return Status::InvalidArgument("the reform's text does not check: " + first).Field("set")
        .Zh("改革方案的政策文本未通过检查：" + first);
  }
  return *text;
}

}  // namespace jincai::service
