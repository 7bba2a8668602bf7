import { mediaPaths, serveMedia } from '../../features/media/media-route';

export const getStaticPaths = () => mediaPaths('webp');
export const GET = serveMedia;
