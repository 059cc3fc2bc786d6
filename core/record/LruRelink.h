// The LRU tables (a map whose entries hold their position in a recency list)
// cannot be copied member by member: a copied entry's `pos` would still point
// into the original's list. Their copy constructors copy, then call this to point
// every entry at its own list node. Used by replay checkpoints (Stage::clone()).
#pragma once

#include <list>

namespace vigil {

template <class Key, class Map>
void relinkLru(std::list<Key>& order, Map& map) {
    for (auto it = order.begin(); it != order.end(); ++it) map.find(*it)->second.pos = it;
}

}  // namespace vigil
