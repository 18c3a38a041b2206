export { speakerNote } from './speakerNote';
export { lessonNote, type LessonNote } from './lessonNote';
