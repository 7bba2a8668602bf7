import { mediaPaths, serveMedia } from '../../features/media-route/media-route';

export const getStaticPaths = () => mediaPaths('jpg');
export const GET = serveMedia;
