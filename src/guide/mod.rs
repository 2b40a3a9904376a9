//! The citizen guide as a pure state machine: where the reader is in the
//! question graph and what they answered. Lives in memory only, never stored.

pub mod shift;

use crate::model::{Guide, Node};

/// One answered question on the way to the current node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub node: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuideAction {
    /// The reader chose this answer on the current question.
    Answer(String),
    /// One question back.
    Back,
    /// Back to the first question, forgetting every answer.
    Restart,
    /// Go back to the `n`th answered question to change the answer there.
    ChangeAt(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideState {
    pub current: String,
    pub answered: Vec<Answered>,
}

impl GuideState {
    pub fn new(guide: &Guide) -> Self {
        GuideState {
            current: guide.start.clone(),
            answered: Vec::new(),
        }
    }

    /// The next state. An action that does not fit (an unknown answer, Back at
    /// the start) leaves the state as it is, so a stale click can never break the guide.
    pub fn apply(&self, guide: &Guide, action: &GuideAction) -> GuideState {
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
                GuideState {
                    current: answer.next.clone(),
                    answered,
                }
            }
            GuideAction::Back => match self.answered.split_last() {
                Some((last, rest)) => GuideState {
                    current: last.node.clone(),
                    answered: rest.to_vec(),
                },
                None => self.clone(),
            },
            GuideAction::Restart => GuideState::new(guide),
            GuideAction::ChangeAt(n) => match self.answered.get(*n) {
                Some(a) => GuideState {
                    current: a.node.clone(),
                    answered: self.answered[..*n].to_vec(),
                },
                None => self.clone(),
            },
        }
    }

    pub fn current_node<'g>(&self, guide: &'g Guide) -> Option<&'g Node> {
        node(guide, &self.current)
    }

    /// 1-based number of the question on screen.
    pub fn question_number(&self) -> usize {
        self.answered.len() + 1
    }

    /// The summary "Du svarte …": each answered question with the chosen answer.
    pub fn summary<'g>(
        &self,
        guide: &'g Guide,
    ) -> Vec<(&'g crate::model::Question, &'g crate::model::Answer)> {
        self.answered
            .iter()
            .filter_map(|a| match node(guide, &a.node) {
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

pub fn node<'g>(guide: &'g Guide, id: &str) -> Option<&'g Node> {
    guide.nodes.iter().find(|n| n.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Guide {
        serde_json::from_str(
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
        .unwrap()
    }

    fn walk(g: &Guide, answers: &[&str]) -> GuideState {
        answers.iter().fold(GuideState::new(g), |s, a| {
            s.apply(g, &GuideAction::Answer(a.to_string()))
        })
    }

    #[test]
    fn answering_moves_to_the_node_the_answer_names() {
        let g = guide();
        let s = walk(&g, &["barn", "ja"]);
        assert_eq!(s.current, "r-vold");
        assert_eq!(s.question_number(), 3);
        let summary: Vec<_> = s
            .summary(&g)
            .iter()
            .map(|(q, a)| (q.id.as_str(), a.id.as_str()))
            .collect();
        assert_eq!(summary, [("hvem", "barn"), ("vold", "ja")]);
    }

    #[test]
    fn back_returns_to_the_previous_question_and_forgets_its_answer() {
        let g = guide();
        let s = walk(&g, &["barn", "ja"]).apply(&g, &GuideAction::Back);
        assert_eq!(s.current, "vold");
        assert_eq!(s.answered.len(), 1);
        let s = s
            .apply(&g, &GuideAction::Back)
            .apply(&g, &GuideAction::Back);
        assert_eq!(
            s,
            GuideState::new(&g),
            "back at the start stays at the start"
        );
    }

    #[test]
    fn restart_forgets_every_answer() {
        let g = guide();
        assert_eq!(
            walk(&g, &["barn", "nei"]).apply(&g, &GuideAction::Restart),
            GuideState::new(&g)
        );
    }

    #[test]
    fn change_at_reopens_that_question() {
        let g = guide();
        let s = walk(&g, &["barn", "ja"]).apply(&g, &GuideAction::ChangeAt(1));
        assert_eq!(s.current, "vold");
        assert_eq!(s.answered.len(), 1);
        let s = s.apply(&g, &GuideAction::Answer("nei".into()));
        assert_eq!(s.current, "r-barn");
    }

    #[test]
    fn an_answer_that_is_not_on_screen_changes_nothing() {
        let g = guide();
        let s = walk(&g, &["barn"]);
        assert_eq!(s.apply(&g, &GuideAction::Answer("meg".into())), s);
        let at_result = walk(&g, &["meg"]);
        assert_eq!(
            at_result.apply(&g, &GuideAction::Answer("barn".into())),
            at_result
        );
    }
}
