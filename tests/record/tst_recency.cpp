// Recency (record/Recency.h): a bounded table evicts exactly the entry an eagerly kept
// LRU list would, whether its order is built at the first eviction or kept from then
// on, and in a copy made at any point.
#include "record/Recency.h"

#include <QtTest>

#include <list>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>

using namespace vigil;

namespace {

// A table of the shape Recency serves: key -> entry with a `recency` mark.
struct Table {
    struct Entry {
        int value = 0;
        Recency<std::string>::Mark recency;
    };
    std::size_t cap;
    std::unordered_map<std::string, Entry> map;
    Recency<std::string> recency;
    std::vector<std::string> evicted;

    explicit Table(std::size_t c) : cap(c) {}
    Table(const Table& o) : cap(o.cap), map(o.map), recency(o.recency), evicted(o.evicted) { recency.relink(map); }
    void use(const std::string& key) {
        auto it = map.find(key);
        if (it != map.end()) {
            recency.touched(it->second.recency);
            return;
        }
        if (map.size() >= cap) {
            const auto victim = map.find(recency.leastRecent(map));
            evicted.push_back(victim->first);
            recency.forgetLeastRecent();
            map.erase(victim);
        }
        it = map.emplace(key, Entry{}).first;
        recency.added(it->first, it->second.recency);
    }
};

// The reference: an LRU list moved on every use.
struct Reference {
    std::size_t cap;
    std::list<std::string> order;  // most recent first
    std::vector<std::string> evicted;
    void use(const std::string& key) {
        for (auto it = order.begin(); it != order.end(); ++it)
            if (*it == key) {
                order.splice(order.begin(), order, it);
                return;
            }
        if (order.size() >= cap) {
            evicted.push_back(order.back());
            order.pop_back();
        }
        order.push_front(key);
    }
};

}  // namespace

class TestRecency : public QObject {
    Q_OBJECT
private slots:
    void evictsWhatAnEagerListWould() {
        for (const std::size_t cap : {1u, 2u, 7u, 40u}) {
            Table t(cap);
            Reference ref{cap, {}, {}};
            std::mt19937 rng(static_cast<unsigned>(cap));
            // A skewed key space a little larger than the cap: many touches, some evictions.
            std::geometric_distribution<int> pick(0.08);
            for (int i = 0; i < 20000; ++i) {
                const std::string key = "k" + std::to_string(pick(rng));
                t.use(key);
                ref.use(key);
            }
            QVERIFY(!ref.evicted.empty());
            QCOMPARE(t.evicted, ref.evicted);
            QCOMPARE(t.map.size(), ref.order.size());
            QVERIFY(t.recency.ordered());
        }
    }
    void aTableThatNeverFillsKeepsNoList() {
        Table t(100);
        for (int i = 0; i < 1000; ++i) t.use("k" + std::to_string(i % 50));
        QVERIFY(!t.recency.ordered());
        QVERIFY(t.evicted.empty());
    }
    void copiesEvictOnTheirOwn() {
        // Copied before the order is built and after: each copy goes on as the original would.
        for (const int copyAt : {10, 5000}) {
            auto t = std::make_unique<Table>(8);
            Reference ref{8, {}, {}};
            std::mt19937 rng(7);
            std::geometric_distribution<int> pick(0.15);
            std::vector<std::string> keys;
            for (int i = 0; i < 10000; ++i) keys.push_back("k" + std::to_string(pick(rng)));
            for (int i = 0; i < copyAt; ++i) {
                t->use(keys[i]);
                ref.use(keys[i]);
            }
            QCOMPARE(t->recency.ordered(), copyAt > 10);
            auto copy = std::make_unique<Table>(*t);
            t.reset();  // the original's list is gone: the copy must not point into it
            for (int i = copyAt; i < 10000; ++i) {
                copy->use(keys[i]);
                ref.use(keys[i]);
            }
            QCOMPARE(copy->evicted, ref.evicted);
        }
    }
};

QTEST_GUILESS_MAIN(TestRecency)
#include "tst_recency.moc"
