//! The citizen guide as a pure state machine: where the reader is in the
//! question graph and what they answered. Lives in memory only, never stored.

pub mod shift;

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Guide, Id, Node};

/// One answered question on the way to the current node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub node: Id,
    pub answer: Id,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GuideAction {
    /// The reader chose this answer on the current question.
    Answer(Id),
    /// One question back.
    Back,
    /// Back to the first question, forgetting every answer.
    Restart,
    /// Go back to the `n`th answered question to change the answer there.
    ChangeAt(usize),
    /// The guide was loaded again (in another language): keep the reader's place
    /// where the new guide still has it, else start over.
    Reload(Rc<Guide>),
}

/// The guide and where the reader is in it. The guide is shared, never copied.
#[derive(Debug, Clone)]
pub struct GuideState {
    pub guide: Rc<Guide>,
    pub current: Id,
    pub answered: Vec<Answered>,
}

/// Two states are equal when they walk the same guide (by identity) to the same place.
impl PartialEq for GuideState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.guide, &other.guide)
            && self.current == other.current
            && self.answered == other.answered
    }
}

impl GuideState {
    pub fn new(guide: Rc<Guide>) -> Self {
        GuideState {
            current: guide.start.clone(),
            guide,
            answered: Vec::new(),
        }
    }

    /// The next state. An action that does not fit (an unknown answer, Back at
    /// the start) leaves the state as it is, so a stale click can never break the guide.
    pub fn apply(&self, action: &GuideAction) -> GuideState {
        let guide = &*self.guide;
        let moved = |current: Id, answered: Vec<Answered>| GuideState {
            guide: self.guide.clone(),
            current,
            answered,
        };
        match action {
            GuideAction::Answer(answer_id) => {
                let Some(Node::Question(q)) = node(guide, &self.current) else {
                    return self.clone();
                };
                let Some(answer) = q.answers.iter().find(|a| &a.id == answer_id) else {
                    return self.clone();
                };
                if node(guide, &answer.next).is_none() {
                    return self.clone();
                }
                let mut answered = self.answered.clone();
                answered.push(Answered {
                    node: q.id.clone(),
                    answer: answer.id.clone(),
                });
                moved(answer.next.clone(), answered)
            }
            GuideAction::Back => match self.answered.split_last() {
                Some((last, rest)) => moved(last.node.clone(), rest.to_vec()),
                None => self.clone(),
            },
            GuideAction::Restart => GuideState::new(self.guide.clone()),
            GuideAction::ChangeAt(n) => match self.answered.get(*n) {
                Some(a) => moved(a.node.clone(), self.answered[..*n].to_vec()),
                None => self.clone(),
            },
            GuideAction::Reload(guide) if Rc::ptr_eq(guide, &self.guide) => self.clone(),
            // The same guide in another language has the same graph: keep the
            // place when the new guide still has it, else start over.
            GuideAction::Reload(guide) => {
                let keeps = |id: &str| node(guide, id).is_some();
                if keeps(&self.current) && self.answered.iter().all(|a| keeps(&a.node)) {
                    GuideState {
                        guide: guide.clone(),
                        ..self.clone()
                    }
                } else {
                    GuideState::new(guide.clone())
                }
            }
        }
    }

    pub fn current_node(&self) -> Option<&Node> {
        node(&self.guide, &self.current)
    }

    /// 1-based number of the question on screen.
    pub fn question_number(&self) -> usize {
        self.answered.len() + 1
    }

    /// The summary "Du svarte …": each answered question with the chosen answer.
    pub fn summary(&self) -> Vec<(&crate::model::Question, &crate::model::Answer)> {
        self.answered
            .iter()
            .filter_map(|a| match node(&self.guide, &a.node) {
                Some(Node::Question(q)) => q
                    .answers
                    .iter()
                    .find(|x| x.id == a.answer)
                    .map(|ans| (q, ans)),
                _ => None,
            })
            .collect()
    }
}

impl Reducible for GuideState {
    type Action = GuideAction;

    fn reduce(self: Rc<Self>, action: GuideAction) -> Rc<Self> {
        let next = self.apply(&action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

pub fn node<'g>(guide: &'g Guide, id: &str) -> Option<&'g Node> {
    guide.nodes.iter().find(|n| n.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Rc<Guide> {
        Rc::new(crate::model::decode::from_str(
            r#"{"start":"hvem","nodes":[
              {"type":"question","id":"hvem","title":"Hvem?","answers":[
                {"id":"barn","label":"Et barn","next":"vold"},
                {"id":"meg","label":"Meg selv","next":"r-meg"}]},
              {"type":"question","id":"vold","title":"Vold?","answers":[
                {"id":"ja","label":"Ja","next":"r-vold"},
                {"id":"nei","label":"Nei","next":"r-barn"}]},
              {"type":"result","id":"r-vold","title":"Ring","topics":["vold"],"now":"x","contacts":["a"],"what_happens":"y"},
              {"type":"result","id":"r-barn","title":"Snakk","topics":["usikker"],"now":"x","contacts":["a"],"what_happens":"y"},
              {"type":"result","id":"r-meg","title":"Hjelp","topics":["annet"],"now":"x","contacts":["a"],"what_happens":"y"}
            ]}"#,
        )
        .unwrap())
    }

    fn walk(g: &Rc<Guide>, answers: &[&str]) -> GuideState {
        answers.iter().fold(GuideState::new(g.clone()), |s, a| {
            s.apply(&GuideAction::Answer(Id::from(*a)))
        })
    }

    #[test]
    fn answering_moves_to_the_node_the_answer_names() {
        let g = guide();
        let s = walk(&g, &["barn", "ja"]);
        assert_eq!(s.current, "r-vold");
        assert_eq!(s.question_number(), 3);
        let summary: Vec<_> = s
            .summary()
            .iter()
            .map(|(q, a)| (q.id.as_str(), a.id.as_str()))
            .collect();
        assert_eq!(summary, [("hvem", "barn"), ("vold", "ja")]);
    }

    #[test]
    fn back_returns_to_the_previous_question_and_forgets_its_answer() {
        let g = guide();
        let s = walk(&g, &["barn", "ja"]).apply(&GuideAction::Back);
        assert_eq!(s.current, "vold");
        assert_eq!(s.answered.len(), 1);
        let s = s.apply(&GuideAction::Back).apply(&GuideAction::Back);
        assert_eq!(
            s,
            GuideState::new(g.clone()),
            "back at the start stays at the start"
        );
    }

    #[test]
    fn restart_forgets_every_answer() {
        let g = guide();
        assert_eq!(
            walk(&g, &["barn", "nei"]).apply(&GuideAction::Restart),
            GuideState::new(g.clone())
        );
    }

    #[test]
    fn change_at_reopens_that_question() {
        let g = guide();
        let s = walk(&g, &["barn", "ja"]).apply(&GuideAction::ChangeAt(1));
        assert_eq!(s.current, "vold");
        assert_eq!(s.answered.len(), 1);
        let s = s.apply(&GuideAction::Answer("nei".into()));
        assert_eq!(s.current, "r-barn");
    }

    #[test]
    fn an_answer_that_is_not_on_screen_changes_nothing() {
        let g = guide();
        let s = walk(&g, &["barn"]);
        assert_eq!(s.apply(&GuideAction::Answer("meg".into())), s);
        let at_result = walk(&g, &["meg"]);
        assert_eq!(
            at_result.apply(&GuideAction::Answer("barn".into())),
            at_result
        );
    }

    #[test]
    fn reducing_dispatches_walk_the_guide_and_keep_the_rc_when_nothing_changes() {
        let g = guide();
        let start = Rc::new(GuideState::new(g.clone()));
        let same = start.clone().reduce(GuideAction::Back);
        assert!(
            Rc::ptr_eq(&start, &same),
            "Back at the start: no new state, no re-render"
        );
        let at = start
            .reduce(GuideAction::Answer("barn".into()))
            .reduce(GuideAction::Answer("nei".into()));
        assert_eq!(at.current, "r-barn");
        assert!(matches!(at.current_node(), Some(Node::Result(r)) if r.id == "r-barn"));
        let again = at.reduce(GuideAction::Restart);
        assert_eq!(*again, GuideState::new(g));
    }

    #[test]
    fn states_of_two_loads_of_the_same_guide_differ() {
        // A new load (another language) is a new guide: its state starts anew.
        let (a, b) = (guide(), guide());
        assert_ne!(GuideState::new(a), GuideState::new(b));
    }

    #[test]
    fn a_reload_in_another_language_keeps_the_place_on_the_new_guide() {
        let (g, translated) = (guide(), guide());
        let at = walk(&g, &["barn", "ja"]);
        let moved = at.apply(&GuideAction::Reload(translated.clone()));
        assert!(
            Rc::ptr_eq(&moved.guide, &translated),
            "texts come from the new guide"
        );
        assert_eq!(moved.current, "r-vold");
        assert_eq!(moved.summary().len(), 2);
    }

    #[test]
    fn a_reload_whose_graph_lost_the_place_starts_over() {
        let g = guide();
        let at = walk(&g, &["barn", "ja"]);
        let other: Rc<Guide> = Rc::new(
            crate::model::decode::from_str(
                r#"{"start":"hvem","nodes":[
                  {"type":"question","id":"hvem","title":"Hvem?","answers":[
                    {"id":"barn","label":"Et barn","next":"r-barn"}]},
                  {"type":"result","id":"r-barn","title":"Snakk","topics":["usikker"],"now":"x","contacts":["a"],"what_happens":"y"}
                ]}"#,
            )
            .unwrap(),
        );
        let moved = at.apply(&GuideAction::Reload(other.clone()));
        assert_eq!(moved, GuideState::new(other));
    }
}
