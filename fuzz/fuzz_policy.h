// The small policy and dossiers the fuzz targets share: every input kind, a dated
// parameter, tiers and a per-element entitlement.
#pragma once

namespace jincai::fuzz {

inline const char* kPrelude = R"(
[policy]
id = "fuzz"
version = "1"
title = "fuzz"
effective = 2000-01-01
engagement_input = "s"
[inputs.n]
type = "number"
default = 0
[inputs.m]
type = "money"
default = 0
[inputs.b]
type = "bool"
default = false
[inputs.s]
type = "string"
values = ["a", "b"]
default = "a"
[inputs.d]
type = "date"
default = 2000-01-01
[inputs.tags]
type = "list<string>"
default = []
[inputs.items]
type = "list<record>"
default = []
fields = [ { name = "k", type = "string" }, { name = "amount", type = "money" }, { name = "qty", type = "number" }, { name = "on", type = "date", default = 2000-01-01 } ]
[inputs.rec]
type = "record"
fields = [ { name = "flag", type = "bool", default = false } ]
[parameters.rate]
type = "number"
values = [ { from = 2000-01-01, value = 0.1 }, { from = 2020-01-01, value = 0.2 } ]
[[criteria]]
id = "c"
dimension = "ability"
points = 'n * 2'
[[tiers]]
id = "A"
when = 'total_points >= 10'
engagement = ["a"]
[[tiers]]
id = "B"
when = 'total_points < 10'
engagement = ["a", "b"]
[[entitlements]]
id = "e"
tiers = ["A", "B"]
payer = "employer"
for_each = "items"
as = "it"
when = 'it.qty > 0'
monthly_cny = 'it.amount * rate'
)";

inline const char* kDossiers[] = {
    R"({"id":"1"})",
    R"({"id":"2","n":7,"m":1234.56,"b":true,"s":"b","d":"2016-02-29","tags":["x","y"],"items":[{"k":"p","amount":10,"qty":2},{"k":"q","amount":90000000000000000,"qty":-1}]})",
    R"({"id":"3","n":-9000000000000,"m":-0.01,"items":[{"k":"","amount":0,"qty":0,"on":"9999-12-31"}],"rec":{"flag":true}})",
};

}  // namespace jincai::fuzz
