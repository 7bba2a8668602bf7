import { mediaPaths, serveMedia } from '../../features/media-route/media-route';

export const getStaticPaths = () => mediaPaths('webp');
export const GET = serveMedia;
