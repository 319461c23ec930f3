// The estimate over sites of several clients on one CAP (Q301352): clients whose status files take the same
// name lose one of them, the clock skew spreads the names, SP4 loses none, and the numbers do not depend on
// the number of threads or on how the clients fall into sites.
#include <gtest/gtest.h>

#include "io/habits_toml.hpp"
#include "properties/property.hpp"
#include "stats/estimate.hpp"

namespace cqm::stats {
namespace {

const std::string kData = CQM_TEST_DATA "/habits/";

Config site(int clients, int service_pack = 3) {
  Config c = *find_preset("kb-q301352");
  c.model.site.clients = clients;
  c.model.service_pack = service_pack;
  return c;
}

Habits q301352(Minutes spread, Minutes skew) {
  Habits h = read_habits(kData + "q301352.toml");
  h.program_until = h.program_from + spread;
  h.clock_skew = skew;
  return h;
}

EstimateOptions options(std::uint64_t clients, int threads = 2) {
  EstimateOptions o;
  o.clients = clients;
  o.seed = 1;
  o.threads = threads;
  return o;
}

std::uint64_t removed(const Estimate& e) {
  return e.lost_by_path[static_cast<std::size_t>(LossPath::name_in_use)];
}

// Both programs finish at 10:00 on synchronised clocks: the first client's files take the names, the second's
// find them in use. Exactly one client in two is lost, every one of them by its name.
TEST(site_estimate, two_synchronised_clients_finishing_together_lose_one_in_two) {
  const Estimate e = estimate(site(2), q301352(0, 0), options(1'000));
  EXPECT_EQ(e.clients, 1'000u);
  EXPECT_EQ(e.lost, 500u);
  EXPECT_EQ(removed(e), 500u);
  const Estimate sp4 = estimate(site(2, 4), q301352(0, 0), options(1'000));
  EXPECT_EQ(sp4.lost, 0u) << "SP4's names do not come from the time";
}

TEST(site_estimate, a_single_client_per_cap_never_collides) {
  EXPECT_EQ(estimate(site(1), q301352(0, 0), options(2'000)).lost, 0u);
}

// Runs spread over 4 h: a small share, growing with the clients per CAP; a skewed clock spreads the names.
TEST(site_estimate, the_loss_grows_with_the_clients_per_cap_and_shrinks_with_the_clock_skew) {
  const double two = estimate(site(2), q301352(240, 0), options(20'000)).p_loss();
  const Estimate eight = estimate(site(8), q301352(240, 0), options(20'000));
  EXPECT_GT(two, 0.0);
  EXPECT_LT(two, 0.01) << "a small percentage";
  EXPECT_GT(eight.p_loss(), 2 * two);
  EXPECT_EQ(removed(eight), eight.lost);
  const Estimate skewed = estimate(site(8), q301352(240, 7), options(20'000));
  EXPECT_GT(skewed.lost, 0u);
  EXPECT_LT(skewed.p_loss(), eight.p_loss() / 3) << "clocks up to 7 minutes apart";
}

TEST(site_estimate, is_the_same_for_one_two_or_three_threads_and_counts_the_clients_asked_for) {
  const Habits h = q301352(30, 2);
  const Estimate one =
      estimate(site(3), h, options(1'001, 1));  // 334 sites: the last site's 2 extra uncounted
  EXPECT_EQ(one.clients, 1'001u);
  EXPECT_GT(one.lost, 0u);
  for (int threads : {2, 3}) {
    const Estimate e = estimate(site(3), h, options(1'001, threads));
    EXPECT_EQ(e.clients, one.clients);
    EXPECT_EQ(e.lost, one.lost) << threads;
    EXPECT_EQ(e.lost_by_path, one.lost_by_path) << threads;
    EXPECT_EQ(e.delay_histogram, one.delay_histogram) << threads;
    EXPECT_EQ(e.violated, one.violated) << threads;
  }
}

// A site's client is judged on its own part of the site's final state. Q257280's rerun touches no other
// client, and client i of a site draws from the same stream as client i of one-client sites: the same clients
// rerun (judging the site's state instead would count a rerun for both clients of its site).
TEST(site_estimate, each_clients_end_state_properties_are_its_own) {
  Config config = *find_preset("kb-q257280");
  config.env.user_powers_off = false;
  Habits h = read_habits(kData + "fixed_day.toml");
  h.init_failure = 0;
  h.logon = 0.1;  // some clients log on again and rerun the job, others do not
  const auto rerun = static_cast<std::size_t>(property_index("completed_job_never_reruns"));
  const Estimate alone = estimate(config, h, options(2'000));
  config.model.site.clients = 2;
  const Estimate paired = estimate(config, h, options(2'000));
  EXPECT_GT(alone.violated[rerun], 0u);
  EXPECT_LT(alone.violated[rerun], 2'000u);
  EXPECT_EQ(paired.violated[rerun], alone.violated[rerun]);
  EXPECT_EQ(paired.delay_histogram, alone.delay_histogram);
}

}  // namespace
}  // namespace cqm::stats
