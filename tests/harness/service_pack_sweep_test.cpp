// Each article's preset at every service-pack level: its bug is there up to the level the article names and
// gone from it on; Q292030's is there at every level (it was never fixed).
#include <gtest/gtest.h>

#include "harness/check.hpp"
#include "model/service_packs.hpp"

namespace cqm {
namespace {

Verdict verdict_at(std::string preset, int service_pack, std::string_view property) {
  Config c = *find_preset(preset);
  c.model.service_pack = service_pack;
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.threads = 1;
  const ExplorerReport r = check_exhaustive(c, o);
  const PropertyResult* p = r.result_of(property);
  return p ? p->verdict : Verdict::Inconclusive;
}

struct Article {
  const char* preset;
  const char* property;
  KbBehaviour behaviour;
};

TEST(service_pack_sweep, each_article_fails_exactly_at_the_levels_of_the_table) {
  const Article articles[] = {
      {"kb-q292030", "delivered_before_expiry", KbBehaviour::init_race_loses_status},
      {"kb-q263594", "queue_bounded", KbBehaviour::expired_kept_while_inaccessible},
      {"kb-q257280", "completed_job_never_reruns", KbBehaviour::apm_terminated_before_unschedule},
      {"kb-q247230", "every_advertisement_gets_its_status", KbBehaviour::status_for_first_advertisement},
  };
  for (const auto& a : articles) {
    const ServicePackEntry& e = service_pack_entry(a.behaviour);
    for (int sp = 0; sp <= kLatestServicePack; ++sp) {
      const Verdict expected = sp < e.first_fixed ? Verdict::Violated : Verdict::Holds;
      EXPECT_EQ(verdict_at(a.preset, sp, a.property), expected) << a.preset << " at SP" << sp;
    }
  }
}

}  // namespace
}  // namespace cqm
