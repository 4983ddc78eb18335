/** Why the reader's doodle classes cannot yet be the fine-tuning lab's task (src/lib/doodle/custom-task.ts). */
export default {
  'doodleTask.noClasses': 'Your drawing lab has no classes: a classifier needs at least 2.',
  'doodleTask.oneClass': 'Your drawing lab has only 1 class: a classifier needs at least 2.',
  'doodleTask.unnamed': 'Class {n} in your drawing lab has no name: name it there.',
  'doodleTask.twice': 'Two classes in your drawing lab are called “{name}”: give each its own name.',
  'doodleTask.noDrawings': '“{name}” has no drawings: the lab needs at least {min} of each class (one to learn from, one held out to test).',
  'doodleTask.oneDrawing': '“{name}” has only 1 drawing: the lab needs at least {min} of each class (one to learn from, one held out to test).',
} as const;
