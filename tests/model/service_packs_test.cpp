// The service-pack table: the one place a level is decided, and doc/service_packs.md shows it as it is.
#include "model/service_packs.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "model/config.hpp"

namespace cqm {
namespace {

TEST(service_packs, q263594_is_fixed_in_sp2) {
  ModelSettings m;
  for (int sp = 0; sp <= kLatestServicePack; ++sp) {
    m.service_pack = sp;
    EXPECT_EQ(has_behaviour(m, KbBehaviour::expired_kept_while_inaccessible), sp < 2) << "SP" << sp;
  }
}

TEST(service_packs, q292030_is_never_fixed) {
  ModelSettings m;
  for (int sp = 0; sp <= kLatestServicePack; ++sp) {
    m.service_pack = sp;
    EXPECT_TRUE(has_behaviour(m, KbBehaviour::init_race_loses_status)) << "SP" << sp;
  }
  EXPECT_EQ(levels_with(service_pack_entry(KbBehaviour::init_race_loses_status)), "0-4");
  EXPECT_EQ(levels_with(service_pack_entry(KbBehaviour::expired_kept_while_inaccessible)), "0-1");
}

TEST(service_packs, every_behaviour_has_one_entry) {
  for (const auto& e : kServicePackTable) {
    int n = 0;
    for (const auto& other : kServicePackTable) n += other.behaviour == e.behaviour;
    EXPECT_EQ(n, 1) << e.article;
    EXPECT_GE(e.first_fixed, 1) << e.article << ": a behaviour of no level is not in the table";
  }
}

TEST(service_packs, the_doc_shows_the_table_of_the_code) {
  std::ifstream in(CQM_SOURCE_DIR "/doc/service_packs.md");
  ASSERT_TRUE(in) << "doc/service_packs.md is missing";
  std::stringstream doc;
  doc << in.rdbuf();
  EXPECT_NE(doc.str().find(service_pack_table_markdown()), std::string::npos)
      << "doc/service_packs.md does not hold the code's table; paste this:\n"
      << service_pack_table_markdown();
}

}  // namespace
}  // namespace cqm
