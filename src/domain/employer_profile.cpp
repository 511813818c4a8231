// The lists behind employer_profile.h.
#include "domain/employer_profile.h"

#include <string>

namespace jincai::domain {

const std::vector<Labelled>& EmployerKinds() {
  static const std::vector<Labelled> kAll = {
      {"enterprise", "企业", "Enterprise"},
      {"public_institution", "事业单位", "Public institution"},
      {"government", "党政机关", "Government organ"},
      {"university", "高等院校", "University"},
      {"research_institute", "科研院所", "Research institute"},
      {"hospital", "医疗卫生机构", "Hospital"},
      {"social_organization", "社会组织", "Social organisation"},
  };
  return kAll;
}

const std::vector<Labelled>& EmployerOwnerships() {
  static const std::vector<Labelled> kAll = {
      {"state", "国有", "State-owned"},     {"collective", "集体", "Collective"},
      {"private", "民营", "Private"},       {"foreign", "外资", "Foreign-invested"},
      {"mixed", "混合所有制", "Mixed ownership"},
  };
  return kAll;
}

const std::vector<Labelled>& ShanxiCities() {
  static const std::vector<Labelled> kAll = {
      {"taiyuan", "太原市", "Taiyuan"},   {"datong", "大同市", "Datong"},     {"yangquan", "阳泉市", "Yangquan"},
      {"changzhi", "长治市", "Changzhi"}, {"jincheng", "晋城市", "Jincheng"}, {"shuozhou", "朔州市", "Shuozhou"},
      {"jinzhong", "晋中市", "Jinzhong"}, {"yuncheng", "运城市", "Yuncheng"}, {"xinzhou", "忻州市", "Xinzhou"},
      {"linfen", "临汾市", "Linfen"},     {"lvliang", "吕梁市", "Lüliang"},
  };
  return kAll;
}

const std::vector<Labelled>& ProfessionalFields() {
  static const std::vector<Labelled> kAll = {
      {"coal_and_energy", "煤炭与能源", "Coal and energy"},
      {"new_materials", "新材料", "New materials"},
      {"equipment_manufacturing", "装备制造", "Equipment manufacturing"},
      {"chemical_engineering", "化学工程", "Chemical engineering"},
      {"information_technology", "信息技术", "Information technology"},
      {"biomedicine", "生物医药", "Biomedicine"},
      {"modern_agriculture", "现代农业", "Modern agriculture"},
      {"environmental_protection", "环境保护", "Environmental protection"},
      {"finance", "金融", "Finance"},
      {"culture_and_tourism", "文化旅游", "Culture and tourism"},
      {"education", "教育", "Education"},
      {"healthcare", "医疗卫生", "Healthcare"},
      {"construction", "建筑", "Construction"},
      {"logistics", "物流", "Logistics"},
  };
  return kAll;
}

const std::vector<Labelled>& EngagementModes() {
  static const std::vector<Labelled> kAll = {
      {"full_time", "全职", "Full time"},
      {"consultant", "顾问指导", "Consultant"},
      {"part_time", "短期兼职", "Short-term part time"},
      {"project", "项目合作", "Project cooperation"},
  };
  return kAll;
}

const Labelled* FindLabelled(const std::vector<Labelled>& list, std::string_view code) {
  for (const auto& l : list)
    if (l.code == code) return &l;
  return nullptr;
}

std::string JoinCodes(const std::vector<Labelled>& list) {
  std::string out;
  for (const auto& l : list) out += (out.empty() ? "" : ", ") + std::string(l.code);
  return out;
}

}  // namespace jincai::domain
