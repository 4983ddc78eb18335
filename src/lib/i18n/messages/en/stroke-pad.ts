/**
 * The shared drawing pad (src/lib/widget/stroke-pad/): its buttons, keyboard help, the canvas's description and the
 * live status line. The pad's name (what the drawing is for) comes from the widget that holds it.
 */
export default {
  'strokePad.roleDescription': 'drawing pad',
  'strokePad.undo': 'Undo stroke',
  'strokePad.clear': 'Clear pad',
  'strokePad.help': 'Keyboard: arrow keys move the pen (Shift for bigger steps), Space or Enter puts it down or lifts it, Ctrl+Z undoes a stroke.',
  'strokePad.label': '{label} Draw with a mouse, finger or pen, or with the keyboard.',
  'strokePad.strokes': { one: '{count} stroke', other: '{count} strokes' },
  'strokePad.isEmpty': 'The pad is empty.',
  'strokePad.holds': 'The pad holds {strokes}.',
  'strokePad.emptied': 'Pad empty.',
  'strokePad.undone': 'Last stroke removed; {strokes} left.',
  'strokePad.cleared': 'Pad cleared.',
  'strokePad.where': '{x}% across, {y}% down',
  'strokePad.penDown': 'Pen down at {where}.',
  'strokePad.penUp': 'Pen up at {where}; {strokes}.',
  'strokePad.full': 'This drawing is as detailed as it can get: undo a stroke or clear the pad.',
} as const;
