export { LessonPlayer } from './LessonPlayer';
export { LessonList } from './LessonList';
