//! Quick exit by keyboard: Shift pressed on its own three times within a few
//! seconds. A Shift that is part of a combination (Shift+A, Shift+Tab) does not
//! count, so typing capitals or moving backwards through links never leaves the page.

/// How long the three presses may take, counted from the first.
pub const WINDOW_MS: f64 = 4000.0;
/// Presses needed.
pub const PRESSES: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyEvent {
    ShiftDown,
    ShiftUp,
    /// Any other key going down (while Shift is held or not).
    OtherDown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to announce.
    None,
    /// A press counted; this many more are needed.
    Remaining(usize),
    /// Leave the page now.
    Exit,
}

#[derive(Debug, Default, Clone)]
pub struct ShiftCounter {
    /// Times of counted presses in the current run.
    presses: Vec<f64>,
    /// Shift is down and no other key has gone down since.
    clean_shift: bool,
}

impl ShiftCounter {
    /// Feeds one key event at time `now_ms` (any monotonic clock).
    pub fn feed(&mut self, event: KeyEvent, now_ms: f64) -> Outcome {
        match event {
            KeyEvent::ShiftDown => {
                // Key repeat sends more ShiftDowns while held; they change nothing.
                if !self.clean_shift {
                    self.clean_shift = true;
                }
                Outcome::None
            }
            KeyEvent::OtherDown => {
                self.clean_shift = false;
                let had = !self.presses.is_empty();
                self.presses.clear();
                if had {
                    Outcome::Remaining(PRESSES)
                } else {
                    Outcome::None
                }
            }
            KeyEvent::ShiftUp => {
                if !std::mem::replace(&mut self.clean_shift, false) {
                    return Outcome::None;
                }
                self.presses.retain(|t| now_ms - t <= WINDOW_MS);
                self.presses.push(now_ms);
                if self.presses.len() >= PRESSES {
                    self.presses.clear();
                    Outcome::Exit
                } else {
                    Outcome::Remaining(PRESSES - self.presses.len())
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyEvent::*;

    fn press(c: &mut ShiftCounter, t: f64) -> Outcome {
        c.feed(ShiftDown, t);
        c.feed(ShiftUp, t + 50.0)
    }

    #[test]
    fn three_shift_presses_in_time_exit() {
        let mut c = ShiftCounter::default();
        assert_eq!(press(&mut c, 0.0), Outcome::Remaining(2));
        assert_eq!(press(&mut c, 400.0), Outcome::Remaining(1));
        assert_eq!(press(&mut c, 800.0), Outcome::Exit);
        assert_eq!(
            press(&mut c, 1200.0),
            Outcome::Remaining(2),
            "counting starts over after an exit"
        );
    }

    #[test]
    fn shift_with_another_key_does_not_count_and_resets() {
        let mut c = ShiftCounter::default();
        press(&mut c, 0.0);
        press(&mut c, 300.0);
        c.feed(ShiftDown, 600.0);
        assert_eq!(
            c.feed(OtherDown, 650.0),
            Outcome::Remaining(3),
            "Shift+Tab resets the count"
        );
        assert_eq!(c.feed(ShiftUp, 700.0), Outcome::None);
        assert_eq!(press(&mut c, 900.0), Outcome::Remaining(2));
    }

    #[test]
    fn slow_presses_do_not_add_up() {
        let mut c = ShiftCounter::default();
        press(&mut c, 0.0);
        press(&mut c, 3000.0);
        assert_eq!(
            press(&mut c, 8000.0),
            Outcome::Remaining(2),
            "the first two are too old"
        );
    }

    #[test]
    fn held_shift_with_key_repeat_is_one_press() {
        let mut c = ShiftCounter::default();
        c.feed(ShiftDown, 0.0);
        c.feed(ShiftDown, 30.0);
        c.feed(ShiftDown, 60.0);
        assert_eq!(c.feed(ShiftUp, 90.0), Outcome::Remaining(2));
    }

    #[test]
    fn typing_without_shift_announces_nothing() {
        let mut c = ShiftCounter::default();
        assert_eq!(c.feed(OtherDown, 0.0), Outcome::None);
    }
}
