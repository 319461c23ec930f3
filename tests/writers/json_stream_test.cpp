// JSON written as it is made (JsonStream) is json_text's text to the byte: every kind of value, the escapes
// and the bytes that are not UTF-8, empty and nested containers, a tree in the middle; and trace.json,
// written that way, is json_text's printing of itself with every instance's state where the snapshot has it.
#include "writers/json_stream.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "harness/check.hpp"
#include "writers/json_text.hpp"
#include "writers/trace_json.hpp"

namespace cqm {
namespace {

using Json = nlohmann::ordered_json;

// Strings of every kind nlohmann treats apart: plain, escaped, control bytes, UTF-8 of 2 to 4 bytes, and
// bytes that are not UTF-8 (lone, truncated, overlong, a surrogate's encoding).
std::vector<std::string> strings() {
  std::vector<std::string> all{
      "",         "plain",        "a \"quoted\" word", "back\\slash",           "tab\tnew\nline",
      "\b\f\r",   "del \x7f",     "caf\xc3\xa9",       "\xe2\x82\xac",          "\xf0\x9f\x98\x80",
      "bad \xff", "cut \xe2\x82", "over \xc0\xaf",     "\xed\xa0\x80 surrogate"};
  std::string controls;
  for (char c = 0; c < 0x20; ++c) controls += c;
  all.push_back(controls);
  return all;
}

TEST(json_stream, prints_every_value_as_json_text_does) {
  Json tree = Json::object();
  JsonStream out(1);  // grown at almost every write
  out.object();
  for (const auto& s : strings()) {
    tree[s] = s;  // the same string as a member's name and as its value
    out.key(s).value(s);
  }
  const std::int64_t least = std::numeric_limits<std::int64_t>::min();
  const std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
  tree["numbers"] = Json::array({0, -1, 42, least, most, 0.1, -0.0, 3.0, 1e300, 2.5e-8});
  out.key("numbers").array().value(0).value(-1).value(42).value(least).value(most);
  out.value(0.1).value(-0.0).value(3.0).value(1e300).value(2.5e-8).end();
  tree["flags"] = Json::array({true, false, nullptr});
  out.key("flags").array().value(true).value(false).null().end();
  tree["empty"] = Json::object();
  tree["none"] = Json::array();
  out.key("empty").object().end().key("none").array().end();
  tree["nested"] = Json::array({Json::array({Json::object(), Json::array({1})}), Json{{"k", Json::array()}}});
  out.key("nested").array().array().object().end().array().value(1).end().end();
  out.object().key("k").array().end().end().end();
  out.end();
  EXPECT_EQ(out.text("\n"), json_text(tree));
}

TEST(json_stream, prints_a_lone_value_and_an_empty_document_as_json_text_does) {
  for (const auto& s : strings()) {
    EXPECT_EQ(JsonStream().value(s).text("\n"), json_text(Json(s))) << s;
  }
  EXPECT_EQ(JsonStream(1).object().end().text("\n"), json_text(Json::object()));
}

Counterexample counterexample_of(const char* preset, const char* property, ExplorerKind explorer) {
  CheckOptions o;
  o.explorers = {explorer};
  o.runs = 2000;
  const ExplorerReport r = explorer == ExplorerKind::exhaustive ? check_exhaustive(*find_preset(preset), o)
                                                                : check_random(*find_preset(preset), o);
  const PropertyResult* p = r.result_of(property);
  if (!p || !p->counterexample) throw std::logic_error(std::string(preset) + ": no counterexample");
  return *p->counterexample;
}

// The KB's trace from both explorers, and one of a site with several clients (labels "client k: ...").
TEST(trace_json, is_json_text_of_itself_with_each_instance_where_the_snapshot_has_it) {
  const std::vector<Counterexample> all{
      counterexample_of("kb-q292030", "delivered_before_expiry", ExplorerKind::exhaustive),
      counterexample_of("kb-q292030", "delivered_before_expiry", ExplorerKind::random),
      counterexample_of("kb-q301352", "status_reaches_site_database", ExplorerKind::exhaustive)};
  for (const auto& cex : all) {
    const std::string text = trace_to_json(cex);
    const Json j = Json::parse(text);
    EXPECT_EQ(json_text(j), text) << cex.config.name << " " << cex.explorer;
    ASSERT_EQ(j["steps"].size(), cex.steps.size());
    EXPECT_EQ(j["schedule"]["events"].size(), cex.schedule.events.size());
    for (std::size_t k = 0; k < cex.steps.size(); ++k) {
      const SystemSnapshot& s = cex.steps[k].state;
      const Json& machines = j["steps"][k]["machines"];
      std::size_t instances = 0;
      for_each_machine([&]<class M>(std::type_identity<M>) {
        const auto& all_of = s.all<M>();
        for (std::size_t i = 0; i < all_of.size(); ++i) {
          const std::string label = instance_label(cex.config, machine_index<M>, static_cast<int>(i));
          ASSERT_TRUE(machines.contains(label)) << label;
          EXPECT_EQ(machines[label]["state"], std::string(M::states[all_of[i].state])) << label;
        }
        instances += all_of.size();
      });
      EXPECT_EQ(machines.size(), instances);
    }
  }
}

}  // namespace
}  // namespace cqm
