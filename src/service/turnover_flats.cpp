// The employers' turnover flats (see turnover_flats.h).
#include "service/turnover_flats.h"

#include <cctype>

#include "policy/value.h"
#include "service/audit_trail.h"
#include "service/records.h"

namespace jincai::service {
namespace {

Status FlatNotFound(int64_t id) {
  return Status::NotFound("no flat " + std::to_string(id)).Zh("不存在周转房 " + std::to_string(id));
}

bool MayManage(const Actor& by, int64_t employer_id) {
  return by.SeesProvince() || (by.IsEmployer() && by.employer_id == employer_id);
}

// "86", "86.5", "86.55": positive, at most 2 decimals, under 10000.
bool IsArea(const std::string& s) {
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 4 || (dot != std::string::npos && (frac.empty() || frac.size() > 2))) return false;
  for (char c : whole + frac)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return s.find_first_not_of("0.") != std::string::npos;
}

std::string CanonicalText(const store::FlatRow& f) {
  return std::to_string(f.id) + '\x1f' + std::to_string(f.employer_id) + '\x1f' + f.address + '\x1f' + f.area_m2 +
         '\x1f' + std::to_string(f.rooms) + '\x1f' + f.available_from + '\x1f' + f.available_to + '\x1f' +
         (f.retired ? "retired" : "");
}

Result<FlatView> ViewOf(store::Tx& tx, store::FlatRow row) {
  auto holder = store::ClaimHoldingFlat(tx, row.id);
  if (!holder.ok()) return holder.status();
  FlatView v{std::move(row), std::nullopt};
  if (*holder) v.claim_id = (*holder)->id;
  return v;
}

}  // namespace

TurnoverFlats::TurnoverFlats(store::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

Result<std::vector<FlatView>> TurnoverFlats::List(const Actor& by, std::optional<int64_t> employer_id) {
  if (by.IsEmployer()) {
    if (!by.employer_id) return Status::Forbidden("this account has no employer").Zh("该账户未关联用人单位");
    employer_id = by.employer_id;
  } else if (!by.SeesProvince()) {
    return Status::Forbidden("only employers and the office see turnover flats").Zh("只有用人单位和主管部门可以查看周转房");
  }
  std::vector<FlatView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListFlats(tx, employer_id);
    if (!rows.ok()) return rows.status();
    for (auto& r : *rows) {
      auto v = ViewOf(tx, std::move(r));
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<FlatView> TurnoverFlats::Add(const Actor& by, const NewFlat& in) {
  std::optional<int64_t> employer = by.IsEmployer() ? by.employer_id : in.employer_id;
  if (!by.IsEmployer() && !by.SeesProvince())
    return Status::Forbidden("only employers and the office keep turnover flats").Zh("只有用人单位和主管部门可以登记周转房");
  if (!employer)
    return Status::InvalidArgument("name the employer the flat belongs to (employer_id)").Field("employer_id")
        .Zh("请指明周转房所属单位（employer_id）");
  if (by.IsEmployer() && in.employer_id && in.employer_id != by.employer_id)
    return Status::Forbidden("an employer adds flats to its own inventory only").Zh("用人单位只能登记本单位的周转房");
  if (in.address.empty() || in.address.size() > 300)
    return Status::InvalidArgument("address must have 1 to 300 bytes").Field("address").Zh("address 须为 1 至 300 字节");
  if (!IsArea(in.area_m2))
    return Status::InvalidArgument("area_m2 must be a positive number of square metres with at most 2 decimals, "
                                   "as text (\"86.5\")")
        .Field("area_m2")
        .Zh("area_m2 须为平方米数，最多两位小数，以文本表示（如 \"86.5\"）");
  if (in.rooms < 1 || in.rooms > 20)
    return Status::InvalidArgument("rooms must be between 1 and 20").Field("rooms").Zh("rooms 须在 1 至 20 之间");
  auto from = policy::ParseDate(in.available_from), to = policy::ParseDate(in.available_to);
  if (!from)
    return Status::InvalidArgument("available_from must be a date YYYY-MM-DD").Field("available_from")
        .Zh("available_from 须为 YYYY-MM-DD 格式的日期");
  if (!to || *to < *from)
    return Status::InvalidArgument("available_to must be a date YYYY-MM-DD on or after available_from")
        .Field("available_to")
        .Zh("available_to 须为不早于 available_from 的日期");
  const int64_t now = clock_();
  std::optional<FlatView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto named = NamedEmployer(tx, employer);
    if (!named.ok()) return named.status();
    store::FlatRow row{0, *employer, in.address, in.area_m2, in.rooms, policy::FormatDate(*from),
                       policy::FormatDate(*to), false, UtcText(now), UtcText(now)};
    auto id = store::InsertFlat(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "flat.add", "flat", std::to_string(row.id), "", CanonicalText(row)));
    out = FlatView{row, std::nullopt};
    return Status::Ok();
  }));
  return *out;
}

Result<FlatView> TurnoverFlats::Retire(const Actor& by, int64_t id) {
  const int64_t now = clock_();
  std::optional<FlatView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto row = store::FindFlat(tx, id);
    if (!row.ok()) return row.status();
    if (!*row || !MayManage(by, (*row)->employer_id)) return FlatNotFound(id);
    auto holder = store::ClaimHoldingFlat(tx, id);
    if (!holder.ok()) return holder.status();
    if (*holder)
      return Status::Conflict("flat " + std::to_string(id) + " is held by claim " + std::to_string((*holder)->id) +
                              "; release it first")
          .Zh("周转房 " + std::to_string(id) + " 正由待遇申领 " + std::to_string((*holder)->id) + " 使用，请先退房");
    const std::string before = CanonicalText(**row);
    JINCAI_RETURN_IF_ERROR(store::RetireFlat(tx, id, UtcText(now)));
    (*row)->retired = true;
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "flat.retire", "flat", std::to_string(id), before, CanonicalText(**row)));
    out = FlatView{**row, std::nullopt};
    return Status::Ok();
  }));
  return *out;
}

Status CheckAssignableFlat(store::Tx& tx, const store::ClaimRow& claim, int64_t flat_id, const std::string& today) {
  auto flat = store::FindFlat(tx, flat_id);
  if (!flat.ok()) return flat.status();
  if (!*flat || (*flat)->employer_id != claim.employer_id.value_or(-1))
    return Status::InvalidArgument("flat " + std::to_string(flat_id) + " is not in your inventory").Field("flat_id")
        .Zh("周转房 " + std::to_string(flat_id) + " 不在本单位的房源中");
  const store::FlatRow& f = **flat;
  if (f.retired)
    return Status::Conflict("flat " + std::to_string(flat_id) + " was taken out of the inventory")
        .Zh("周转房 " + std::to_string(flat_id) + " 已停用");
  if (f.available_to < today)
    return Status::Conflict("flat " + std::to_string(flat_id) + " was available only until " + f.available_to)
        .Zh("周转房 " + std::to_string(flat_id) + " 的可用期已于 " + f.available_to + " 结束");
  auto holder = store::ClaimHoldingFlat(tx, flat_id);
  if (!holder.ok()) return holder.status();
  if (*holder)
    return Status::Conflict("flat " + std::to_string(flat_id) + " is assigned already (claim " +
                            std::to_string((*holder)->id) + ")")
        .Zh("周转房 " + std::to_string(flat_id) + " 已分配（待遇申领 " + std::to_string((*holder)->id) + "）");
  return Status::Ok();
}

}  // namespace jincai::service
