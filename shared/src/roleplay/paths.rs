//! Finding plays: the shortest path of choices from the start to an ending of a given
//! outcome (breadth first). Demo data and tests use it to walk a scenario.

use std::collections::{HashMap, VecDeque};

use super::{NodeKind, Outcome, Scenario};

impl Scenario {
    /// Choice ids from the start to the nearest ending with `outcome`, if one is reachable.
    pub fn path_to(&self, outcome: Outcome) -> Option<Vec<String>> {
        let mut came_from: HashMap<&str, (&str, &str)> = HashMap::new();
        let mut queue = VecDeque::from([self.start.as_str()]);
        let mut seen = std::collections::HashSet::from([self.start.as_str()]);
        while let Some(at) = queue.pop_front() {
            let node = self.node(at)?;
            match &node.kind {
                NodeKind::Ending { outcome: o, .. } if *o == outcome => {
                    let mut path = Vec::new();
                    let mut here = at;
                    while let Some((from, choice)) = came_from.get(here) {
                        path.push((*choice).to_owned());
                        here = from;
                    }
                    path.reverse();
                    return Some(path);
                }
                NodeKind::Ending { .. } => {}
                NodeKind::Situation { choices } => {
                    for c in choices {
                        if seen.insert(c.next.as_str()) {
                            came_from.insert(c.next.as_str(), (at, c.id.as_str()));
                            queue.push_back(c.next.as_str());
                        }
                    }
                }
            }
        }
        None
    }
}
