//! The level finder ("Hvilket nivå er vi på?"): a few yes/no questions that lead
//! to the level to work on, or straight to barnevernet or the police.

use std::rc::Rc;

use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinderQuestion {
    /// Is there suspicion of violence or sexual abuse, or is the child in danger?
    Danger,
    /// Is it clear what the worry is about?
    Clarified,
    /// Can it be handled within my own service, together with the family?
    OwnService,
    /// Is the cooperation between the services simple and routine (level 2), or
    /// complex, needing its own arena or a joint plan (level 3)? Not a count of
    /// services: two services can need complex cooperation, and several can
    /// work together simply.
    Cooperation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinderAnswer {
    Yes,
    No,
    /// For `Cooperation`: simple, routine cooperation.
    Simple,
    /// For `Cooperation`: complex cooperation.
    Complex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinderOutcome {
    /// Go straight to barnevernet or the police; do not talk to the parents first.
    Urgent,
    /// Work on this level of the grunnmodell (0-3).
    Level(u8),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Finder {
    /// Answers so far, in order.
    pub answers: Vec<(FinderQuestion, FinderAnswer)>,
}

impl Finder {
    /// The answers a question offers.
    pub fn choices(q: FinderQuestion) -> &'static [FinderAnswer] {
        match q {
            FinderQuestion::Cooperation => &[FinderAnswer::Simple, FinderAnswer::Complex],
            _ => &[FinderAnswer::Yes, FinderAnswer::No],
        }
    }

    /// The next question, or the outcome when the answers decide it.
    pub fn next(&self) -> Result<FinderQuestion, FinderOutcome> {
        use FinderAnswer::*;
        use FinderQuestion::*;
        let answer =
            |q: FinderQuestion| self.answers.iter().find(|(x, _)| *x == q).map(|(_, a)| *a);
        match answer(Danger) {
            None => return Ok(Danger),
            Some(Yes) => return Err(FinderOutcome::Urgent),
            _ => {}
        }
        match answer(Clarified) {
            None => return Ok(Clarified),
            Some(No) => return Err(FinderOutcome::Level(0)),
            _ => {}
        }
        match answer(OwnService) {
            None => return Ok(OwnService),
            Some(Yes) => return Err(FinderOutcome::Level(1)),
            _ => {}
        }
        match answer(Cooperation) {
            None => Ok(Cooperation),
            Some(Simple) => Err(FinderOutcome::Level(2)),
            Some(_) => Err(FinderOutcome::Level(3)),
        }
    }

    /// Records an answer to the current question; an answer that does not fit is ignored.
    pub fn answer(&self, a: FinderAnswer) -> Finder {
        match self.next() {
            Ok(q) if Finder::choices(q).contains(&a) => {
                let mut answers = self.answers.clone();
                answers.push((q, a));
                Finder { answers }
            }
            _ => self.clone(),
        }
    }

    pub fn back(&self) -> Finder {
        let mut answers = self.answers.clone();
        answers.pop();
        Finder { answers }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinderAction {
    Answer(FinderAnswer),
    Back,
    Restart,
}

impl Reducible for Finder {
    type Action = FinderAction;

    fn reduce(self: Rc<Self>, action: FinderAction) -> Rc<Self> {
        let next = match action {
            FinderAction::Answer(a) => self.answer(a),
            FinderAction::Back => self.back(),
            FinderAction::Restart => Finder::default(),
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FinderAnswer::*;
    use super::*;

    fn run(answers: &[FinderAnswer]) -> Result<FinderQuestion, FinderOutcome> {
        answers
            .iter()
            .fold(Finder::default(), |f, a| f.answer(*a))
            .next()
    }

    #[test]
    fn suspicion_of_violence_goes_straight_to_barnevernet_or_police() {
        assert_eq!(run(&[Yes]), Err(FinderOutcome::Urgent));
    }

    #[test]
    fn an_unclear_worry_is_level_0() {
        assert_eq!(run(&[No, No]), Err(FinderOutcome::Level(0)));
    }

    #[test]
    fn handled_in_own_service_is_level_1() {
        assert_eq!(run(&[No, Yes, Yes]), Err(FinderOutcome::Level(1)));
    }

    #[test]
    fn simple_cooperation_is_level_2_and_complex_is_level_3() {
        assert_eq!(run(&[No, Yes, No, Simple]), Err(FinderOutcome::Level(2)));
        assert_eq!(run(&[No, Yes, No, Complex]), Err(FinderOutcome::Level(3)));
    }

    #[test]
    fn the_level_2_or_3_question_asks_about_the_cooperation_not_a_count() {
        assert_eq!(
            Finder::choices(FinderQuestion::Cooperation),
            &[Simple, Complex]
        );
        assert!(!Finder::choices(FinderQuestion::Cooperation).contains(&Yes));
    }

    #[test]
    fn questions_come_in_order_and_wrong_answers_are_ignored() {
        assert_eq!(run(&[]), Ok(FinderQuestion::Danger));
        assert_eq!(run(&[No]), Ok(FinderQuestion::Clarified));
        assert_eq!(
            run(&[No, Simple]),
            Ok(FinderQuestion::Clarified),
            "Simple does not answer a yes/no question"
        );
        assert_eq!(run(&[No, Yes, No]), Ok(FinderQuestion::Cooperation));
    }

    #[test]
    fn back_undoes_the_last_answer() {
        let f = Finder::default().answer(No).answer(Yes);
        assert_eq!(f.back().next(), Ok(FinderQuestion::Clarified));
        assert_eq!(Finder::default().back(), Finder::default());
    }

    #[test]
    fn dispatched_actions_reach_an_outcome_and_restart_clears_it() {
        let f = Rc::new(Finder::default());
        let f = [No, Yes, No, Complex]
            .into_iter()
            .fold(f, |f, a| f.reduce(FinderAction::Answer(a)));
        assert_eq!(f.next(), Err(FinderOutcome::Level(3)));
        let f = f.reduce(FinderAction::Back);
        assert_eq!(f.next(), Ok(FinderQuestion::Cooperation));
        let f = f.reduce(FinderAction::Restart);
        assert_eq!(*f, Finder::default());
        let same = f.clone().reduce(FinderAction::Answer(Simple));
        assert!(
            Rc::ptr_eq(&f, &same),
            "an answer that does not fit changes nothing"
        );
    }
}
